#include "vnews/document_data.h"

#include <zstd.h>

#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "vnews/article_reader.h"
#include "vnews/schema.h"

namespace vnews {
namespace {

// Data written by store_article() starts with this; a format change gets a
// new marker, and old data stays readable.
//   vn1: id, title, lead, body, category, url, date, source, each put().
//   vn2: id, title, text, category, url, date, source, each put(), where
//        text is a zstd frame of put(lead) put(body).
//   vn3: id, title, category, url, date, source, each put(); the text frame
//        of vn2 is in value slot schema::kTextSlot. Glass tries to deflate
//        every document data (when it is added, and again when a database
//        is compacted), and a zstd frame never deflates: a tenth of an
//        indexing run went on those attempts. Values are stored as they are.
constexpr std::string_view kMagicV1 = "\x01vn1";
constexpr std::string_view kMagicV2 = "\x01vn2";
constexpr std::string_view kMagic = "\x01vn3";
static_assert(kMagicV2.size() == kMagic.size(),
              "load_article() skips either marker alike");
// Fast, and compresses articles about as well as zlib's default.
constexpr int kZstdLevel = 1;
// A frame claiming to hold more than this is not ours (lead and body of an
// article of at most kMaxArticleBytes, with their length prefixes).
constexpr unsigned long long kMaxTextBytes = kMaxArticleBytes + 64;

void put_length(std::string& out, std::size_t n) {
  while (n >= 0x80) {
    out += static_cast<char>((n & 0x7F) | 0x80);
    n >>= 7;
  }
  out += static_cast<char>(n);
}

void put(std::string& out, const std::string& field) {
  put_length(out, field.size());
  out += field;
}

// Reads one length-prefixed field from `in` as a view into it; false when
// `in` is truncated.
bool get_view(std::string_view& in, std::string_view& field) {
  std::size_t n = 0;
  for (int shift = 0;; shift += 7) {
    if (in.empty() || shift > 35) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    n |= static_cast<std::size_t>(byte & 0x7F) << shift;
    if (byte < 0x80) break;
  }
  if (n > in.size()) return false;
  field = in.substr(0, n);
  in.remove_prefix(n);
  return true;
}

// As get_view(), copying the field.
bool get(std::string_view& in, std::string& field) {
  std::string_view view;
  if (!get_view(in, view)) return false;
  field.assign(view);
  return true;
}

// Reads data stored as a JSON object, or gives up and keeps it as the body.
Article decode_json(const std::string& data) {
  const nlohmann::json object = nlohmann::json::parse(data, nullptr, false);
  Article a;
  if (!object.is_object()) {
    a.body = data;
    return a;
  }
  const auto get_string = [&object](const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
  };
  a.id = get_string("id");
  a.title = get_string("title");
  a.lead = get_string("lead");
  a.body = get_string("body");
  a.category = get_string("category");
  a.url = get_string("url");
  a.date = get_string("date");
  a.source = get_string("source");
  return a;
}

Article decode_v1(std::string_view in) {
  Article a;
  for (std::string* field :
       {&a.id, &a.title, &a.lead, &a.body, &a.category, &a.url, &a.date, &a.source}) {
    if (!get(in, *field)) break;  // truncated: keep what was read
  }
  return a;
}

struct CompressContextFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DecompressContextFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// One context per thread: creating one costs more than a small article.
ZSTD_CCtx* compress_context() {
  thread_local std::unique_ptr<ZSTD_CCtx, CompressContextFree> context(ZSTD_createCCtx());
  return context.get();
}
ZSTD_DCtx* decompress_context() {
  thread_local std::unique_ptr<ZSTD_DCtx, DecompressContextFree> context(
      ZSTD_createDCtx());
  return context.get();
}

// Reads the lead and body frame of vn2 data into `a`; leaves them empty when
// the frame is damaged or not ours.
void decode_text(std::string_view frame, Article& a) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR ||
      size > kMaxTextBytes) {
    return;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompressDCtx(decompress_context(), text.data(),
                                            text.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != text.size()) return;
  std::string_view in(text);
  if (!get(in, a.lead) || !get(in, a.body)) a.lead.clear(), a.body.clear();
}

}  // namespace

void store_article(const Article& a, Xapian::Document& doc) {
  std::string text;
  text.reserve(a.lead.size() + a.body.size() + 16);
  put(text, a.lead);
  put(text, a.body);
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  const std::size_t n = ZSTD_compressCCtx(compress_context(), frame.data(), frame.size(),
                                          text.data(), text.size(), kZstdLevel);
  if (ZSTD_isError(n)) {
    throw std::runtime_error("zstd compression of article " + a.id +
                             " failed: " + ZSTD_getErrorName(n));
  }
  frame.resize(n);
  std::string data(kMagic);
  data.reserve(kMagic.size() + a.id.size() + a.title.size() + a.url.size() + 64);
  for (const std::string* field : std::initializer_list<const std::string*>{
           &a.id, &a.title, &a.category, &a.url, &a.date, &a.source}) {
    put(data, *field);
  }
  doc.set_data(data);
  doc.add_value(schema::kTextSlot, frame);
}

Article load_article(const Xapian::Document& doc, bool with_text) {
  const std::string data = doc.get_data();
  std::string_view in(data);
  if (in.substr(0, kMagicV1.size()) == kMagicV1)
    return decode_v1(in.substr(kMagicV1.size()));
  const bool v2 = in.substr(0, kMagicV2.size()) == kMagicV2;
  if (!v2 && in.substr(0, kMagic.size()) != kMagic) return decode_json(data);
  in.remove_prefix(kMagic.size());
  Article a;
  std::string_view frame;
  if (!get(in, a.id) || !get(in, a.title) || (v2 && !get_view(in, frame))) return a;
  if (with_text) {
    const std::string value = v2 ? std::string() : doc.get_value(schema::kTextSlot);
    decode_text(v2 ? frame : std::string_view(value), a);
  }
  for (std::string* field : {&a.category, &a.url, &a.date, &a.source}) {
    if (!get(in, *field)) break;  // truncated: keep what was read
  }
  return a;
}

}  // namespace vnews

#include "vnews/input_formats.h"

#include <algorithm>

#include "vnews/corpus_reader.h"

namespace vnews {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool claims(const InputFormat& format, const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return !ext.empty() && std::find(format.extensions.begin(), format.extensions.end(),
                                   ext) != format.extensions.end();
}

}  // namespace

const std::vector<InputFormat>& input_formats() {
  static const std::vector<InputFormat> formats = {
      {.name = "txt",
       .aliases = {"text"},
       .extensions = {".txt"},
       .recognises = nullptr,
       .records = Records::kWholeFile,
       .parse = parse_text_article,
       .summary = "the title on line 1, the lead on line 2, the body after it"},
      {.name = "dantri",
       .aliases = {},
       .extensions = {".txt"},
       .recognises = starts_with_dantri_header,
       .records = Records::kWholeFile,
       .parse = parse_dantri_article,
       .summary =
           "'# key = value' header lines (url, date, source, category), then as txt"},
      {.name = "jsonl",
       .aliases = {},
       .extensions = {".jsonl", ".ndjson"},
       .recognises = starts_with_json_object,
       .records = Records::kLines,
       .parse = parse_jsonl_article,
       .summary = "one JSON object per line, one article each; its id is its 'id' field, "
                  "else FILE:LINE"},
  };
  return formats;
}

const InputFormat* input_format_named(std::string_view name) {
  for (const InputFormat& format : input_formats()) {
    if (format.name == name) return &format;
    for (std::string_view alias : format.aliases) {
      if (alias == name) return &format;
    }
  }
  return nullptr;
}

bool is_input_file_name(const std::filesystem::path& path) {
  const std::vector<InputFormat>& formats = input_formats();
  return std::any_of(formats.begin(), formats.end(),
                     [&](const InputFormat& format) { return claims(format, path); });
}

const InputFormat& detect_format(const std::filesystem::path& path, std::string_view head,
                                 std::optional<Records> records) {
  if (head.substr(0, kBom.size()) == kBom) head.remove_prefix(kBom.size());
  std::vector<const InputFormat*> candidates;
  for (const bool by_extension : {true, false}) {
    for (const InputFormat& format : input_formats()) {
      if (records && format.records != *records) continue;
      if (!by_extension || claims(format, path)) candidates.push_back(&format);
    }
    if (!candidates.empty()) break;
  }
  for (const InputFormat* format : candidates) {
    if (format->recognises != nullptr && format->recognises(head)) return *format;
  }
  return *candidates.front();
}

}  // namespace vnews

#include "text_output.h"

#include <iomanip>
#include <ostream>

namespace vnews {
namespace {

constexpr char kBold[] = "\x1b[1m";
constexpr char kHighlight[] = "\x1b[1;33m";
constexpr char kDim[] = "\x1b[2m";
constexpr char kReset[] = "\x1b[0m";

// Returns the byte offset of code point `index` in valid UTF-8 `text`.
std::size_t byte_offset(const std::string& text, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen++ == index) return i;
  }
  return text.size();
}

}  // namespace

std::string mark_highlights(const Snippet& snippet, bool color) {
  const char* open = color ? kHighlight : "**";
  const char* close = color ? kReset : "**";
  std::string out;
  std::size_t copied = 0;
  for (const auto& [start, end] : snippet.highlights) {
    const std::size_t from = byte_offset(snippet.text, start);
    const std::size_t to = byte_offset(snippet.text, end);
    out.append(snippet.text, copied, from - copied);
    out += open;
    out.append(snippet.text, from, to - from);
    out += close;
    copied = to;
  }
  out.append(snippet.text, copied, std::string::npos);
  return out;
}

namespace {

void print_suggestions(const SearchResult& result, std::ostream& out) {
  for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
    out << (i == 0 ? "did you mean: " : " or: ") << result.suggestions[i];
  }
  if (!result.suggestions.empty()) out << '\n';
}

void print_facets(const SearchResult& result, std::ostream& out) {
  if (result.categories.empty()) return;
  out << "categories:";
  for (const auto& [name, count] : result.categories) out << "  " << name << ' ' << count;
  out << '\n';
}

}  // namespace

void print_text(const SearchResult& result, bool color, std::ostream& out) {
  if (result.hits.empty()) {
    out << "no results for '" << result.query << "'\n";
    print_suggestions(result, out);
    return;
  }
  out << result.total << (result.total == 1 ? " result" : " results") << " for '"
      << result.query << "' (" << std::fixed << std::setprecision(1)
      << result.took_ms << " ms)\n";
  print_suggestions(result, out);
  print_facets(result, out);
  for (const Hit& hit : result.hits) {
    const Article& a = hit.article;
    out << '\n' << hit.rank << ". " << (color ? kBold : "") << a.title
        << (color ? kReset : "") << '\n';
    out << "   " << (color ? kDim : "") << a.id;
    if (!a.category.empty()) out << "  [" << a.category << ']';
    if (!a.date.empty()) out << "  " << a.date;
    out << "  score " << std::setprecision(2) << hit.score << (color ? kReset : "")
        << '\n';
    if (!hit.snippet.text.empty()) {
      out << "   " << mark_highlights(hit.snippet, color) << '\n';
    }
  }
}

}  // namespace vnews

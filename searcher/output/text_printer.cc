#include "output/text_printer.h"

#include <algorithm>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "vnews/date_parser.h"
#include "vnews/terminal.h"

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

std::string mark_highlights(const Snippet& snippet, bool color, std::string_view style) {
  const std::string open = color ? kHighlight : "**";
  const std::string close = color ? kReset + std::string(style) : "**";
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
  for (const FacetCounts& facet : result.facets) {
    out << facet_name(facet.spec) << (facet.exact ? ":" : " (estimated):");
    for (const auto& [value, count] : facet.counts) out << "  " << value << ' ' << count;
    out << '\n';
  }
}

// Returns "and N similar (id, id, id…)" for the copies of a story.
std::string similar_line(const std::vector<std::string>& ids) {
  constexpr std::size_t kShownIds = 3;
  std::string line = "and " + std::to_string(ids.size()) + " similar (";
  for (std::size_t i = 0; i < ids.size() && i < kShownIds; ++i) {
    line += (i > 0 ? ", " : "") + ids[i];
  }
  return line + (ids.size() > kShownIds ? ", …)" : ")");
}

}  // namespace

void TextPrinter::print_paragraph(std::string_view prefix, std::string_view text,
                                  std::ostream& out) const {
  const std::string indent(display_width(prefix), ' ');
  out << prefix << wrap(text, width_, indent.size(), indent) << '\n';
}

std::string TextPrinter::details(const Hit& hit) const {
  const Article& a = hit.article;
  std::string line;
  const auto add = [&](const std::string& text) {
    if (text.empty()) return;
    if (!line.empty()) line += "  ";
    line += text;
  };
  if (fields_.has("id")) add(a.id);
  if (fields_.has("category") && !a.category.empty()) add("[" + a.category + "]");
  if (fields_.has("date")) add(iso_date(a.date));
  if (fields_.has("url")) add(a.url);
  if (fields_.has("source")) add(a.source);
  if (fields_.has("score")) {
    std::ostringstream score;
    score << "score " << std::fixed << std::setprecision(2) << hit.score;
    add(score.str());
  }
  return line;
}

void TextPrinter::print_hit(const Hit& hit, std::ostream& out) const {
  out << '\n';
  const std::string rank = fields_.has("rank") ? std::to_string(hit.rank) + ". " : "";
  const std::string detail_line = details(hit);
  const std::string dim = detail_line.empty() || !color_ ? "" : kDim;
  const std::string undim = dim.empty() ? "" : kReset;
  bool details_printed = false;
  if (fields_.has("title")) {
    const Snippet title{hit.article.title, hit.title_highlights};
    const std::string marked = mark_highlights(title, color_, kBold);
    print_paragraph(rank, color_ ? kBold + marked + kReset : marked, out);
  } else if (!rank.empty() || !detail_line.empty()) {
    print_paragraph(rank, dim + detail_line + undim, out);
    details_printed = true;
  }
  const std::string indent = "   ";
  if (!details_printed && !detail_line.empty()) {
    print_paragraph(indent, dim + detail_line + undim, out);
  }
  if (fields_.has("snippet") && !hit.snippet.text.empty()) {
    print_paragraph(indent, mark_highlights(hit.snippet, color_), out);
  }
  if (fields_.has("similar") && !hit.similar.empty()) {
    const std::string line = similar_line(hit.similar);
    print_paragraph(indent, color_ ? kDim + line + kReset : line, out);
  }
}

void TextPrinter::print(const SearchResult& result, std::ostream& out) {
  std::string asked = "for '" + result.query + "'";
  if (!result.like.empty()) {
    asked = "like '" + result.like + "'" +
            (result.query.empty() ? "" : " matching '" + result.query + "'");
  }
  if (result.hits.empty()) {
    out << "no results " << asked << "\n";
    print_suggestions(result, out);
    return;
  }
  const bool collapsed = std::any_of(result.hits.begin(), result.hits.end(),
                                     [](const Hit& hit) { return !hit.similar.empty(); });
  out << (result.total_exact ? "" : "about ") << result.total
      << (result.total == 1 && result.total_exact ? " result " : " results ") << asked
      << " (" << std::fixed << std::setprecision(1) << result.took_ms << " ms"
      << (collapsed ? "; copies of one story shown once" : "") << ")\n";
  if (!result.decoded.empty()) {
    print_paragraph(
        "", "note: typed with the input method off; searched as '" + result.decoded + "'",
        out);
  }
  if (!result.relaxed.empty()) {
    print_paragraph(
        "", "note: nothing matches the query as typed; showing " + result.relaxed, out);
  }
  print_suggestions(result, out);
  print_facets(result, out);
  for (const Hit& hit : result.hits) print_hit(hit, out);
}

void TextPrinter::print_article(const Article& article, std::ostream& out) {
  print_paragraph("", color_ ? kBold + article.title + kReset : article.title, out);
  std::string line = article.id;
  for (const std::string& detail :
       {article.category.empty() ? "" : "[" + article.category + "]",
        iso_date(article.date), article.source, article.url}) {
    if (!detail.empty()) line += "  " + detail;
  }
  print_paragraph("", color_ ? kDim + line + kReset : line, out);
  for (const std::string* text : {&article.lead, &article.body}) {
    std::size_t start = 0;
    while (start < text->size()) {
      const std::size_t end = std::min(text->find('\n', start), text->size());
      if (end > start) {
        out << '\n';
        print_paragraph("", std::string_view(*text).substr(start, end - start), out);
      }
      start = end + 1;
    }
  }
}

void TextPrinter::print_count(const std::string&, Xapian::doccount count,
                              const std::vector<std::string>&, std::ostream& out) {
  out << count << '\n';
}

void TextPrinter::print_error(const std::string&, const std::string& message,
                              std::ostream&, std::ostream& err) {
  err << "error: " << message << '\n';
}

void TextPrinter::end_answer(std::ostream& out) { out << '\n'; }

}  // namespace vnews

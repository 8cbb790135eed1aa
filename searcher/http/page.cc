#include "http/page.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "http/page_template.h"
#include "http/query_string.h"
#include "vnews/date_parser.h"

namespace vnews {
namespace {

// Returns `page` with each slot "{{name}}" replaced by the value of `name`
// in `slots`, in one pass (a value is never read for slots).
std::string fill(std::string_view page,
                 const std::vector<std::pair<std::string_view, std::string>>& slots) {
  std::string out;
  for (;;) {
    const std::size_t open = page.find("{{");
    const std::size_t close = page.find("}}", open);
    if (open == std::string_view::npos || close == std::string_view::npos) break;
    const std::string_view name = page.substr(open + 2, close - open - 2);
    const auto slot = std::find_if(slots.begin(), slots.end(),
                                   [&](const auto& s) { return s.first == name; });
    out += page.substr(0, open);
    out += slot != slots.end() ? slot->second
                               : std::string(page.substr(open, close + 2 - open));
    page.remove_prefix(close + 2);
  }
  return out += page;
}

// Returns the bytes of the UTF-8 sequence that starts with `lead` (1 for a
// byte that cannot start one, so that any text is walked to its end).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC2) return 2;
  return 1;
}

// Returns the link to the page of `request` showing `query` from `offset`.
std::string page_link(const SearchRequest& request, const std::string& query,
                      unsigned offset) {
  std::string link = "/?q=" + percent_encode(query) +
                     "&sort=" + std::string(sort_order_name(request.sort)) +
                     "&offset=" + std::to_string(offset);
  if (request.limit != SearchRequest().limit) {
    link += "&limit=" + std::to_string(request.limit);
  }
  return link;
}

std::string sort_options(SortOrder selected) {
  std::string out;
  for (const SortOrder order : kSortOrders) {
    const std::string name(sort_order_name(order));
    out += "<option value=\"" + name + "\"" + (order == selected ? " selected" : "") +
           ">" + name + "</option>";
  }
  return out;
}

std::string count_line(const SearchResult& result) {
  std::ostringstream took;
  took << std::round(result.took_ms * 1000) / 1000;
  return std::string("<p class=\"count\">") + (result.total_exact ? "" : "about ") +
         std::to_string(result.total) + (result.total == 1 ? " result" : " results") +
         " (" + took.str() + " ms)</p>\n";
}

std::string hit_html(const Hit& hit) {
  const Article& a = hit.article;
  const std::string stored = "/article/" + percent_encode(a.id);
  std::string meta =
      "<a href=\"" + html_escape(stored) + "\">" + html_escape(a.id) + "</a>";
  for (const std::string& part : {a.category, iso_date(a.date), a.source}) {
    if (!part.empty()) meta += " · " + html_escape(part);
  }
  return "<li class=\"hit\"><h2><a href=\"" +
         html_escape(a.url.empty() ? stored : a.url) + "\">" +
         mark_html(a.title, hit.title_highlights) + "</a></h2>\n<div class=\"meta\">" +
         meta + "</div>\n<p class=\"snippet\">" +
         mark_html(hit.snippet.text, hit.snippet.highlights) + "</p></li>\n";
}

std::string pages_nav(const SearchRequest& request, const SearchResult& result) {
  std::string out = "<nav class=\"pages\">";
  const auto link = [&](const char* text, unsigned offset, const char* rel) {
    out += "<a href=\"" + html_escape(page_link(request, request.query, offset)) +
           "\" rel=\"" + rel + "\">" + text + "</a>";
  };
  if (request.offset > 0) {
    link("← previous",
         request.offset > request.limit ? request.offset - request.limit : 0, "prev");
  }
  const std::size_t shown = result.hits.size();
  if (shown > 0) {
    out += "<span>results " + std::to_string(request.offset + 1) + "–" +
           std::to_string(request.offset + shown) + "</span>";
  }
  if (request.offset + shown < result.total) {
    link("next →", request.offset + request.limit, "next");
  }
  return out + "</nav>\n";
}

std::string results_html(const SearchRequest& request, const SearchResult& result) {
  std::string out = count_line(result);
  for (const std::string& missing : result.missing_shards) {
    out += "<p class=\"note\">Not searched: " + html_escape(missing) + ".</p>\n";
  }
  if (!result.relaxed.empty()) {
    out += "<p class=\"note\">Nothing matches the query as typed; showing " +
           html_escape(result.relaxed) + ".</p>\n";
  }
  if (!result.suggestions.empty()) {
    out += "<p class=\"suggest\">Did you mean: ";
    for (std::size_t i = 0; i < result.suggestions.size(); ++i) {
      const std::string& s = result.suggestions[i];
      out += (i > 0 ? ", " : "") + std::string("<a href=\"") +
             html_escape(page_link(request, s, 0)) + "\">" + html_escape(s) + "</a>";
    }
    out += "</p>\n";
  }
  out += "<ol class=\"hits\" start=\"" + std::to_string(request.offset + 1) + "\">\n";
  for (const Hit& hit : result.hits) out += hit_html(hit);
  return out + "</ol>\n" + pages_nav(request, result);
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string mark_html(
    std::string_view text,
    const std::vector<std::pair<std::size_t, std::size_t>>& highlights) {
  std::string out;
  std::size_t point = 0, byte = 0;
  // Copies the code points up to `end`, escaped.
  const auto copy_to = [&](std::size_t end) {
    const std::size_t from = byte;
    for (; point < end && byte < text.size(); ++point) {
      byte += sequence_length(static_cast<unsigned char>(text[byte]));
    }
    byte = std::min(byte, text.size());
    out += html_escape(text.substr(from, byte - from));
  };
  for (const auto& [start, end] : highlights) {
    if (start < point || end <= start) continue;
    copy_to(start);
    out += "<mark>";
    copy_to(end);
    out += "</mark>";
  }
  copy_to(std::string_view::npos);
  return out;
}

std::string render_page(const PageView& view) {
  const std::string& query = view.request.query;
  std::string results;
  if (!view.error.empty()) {
    results = "<p class=\"error\">" + html_escape(view.error) + "</p>\n";
  } else if (view.result != nullptr) {
    results = results_html(view.request, *view.result);
  }
  return fill(kPageTemplate,
              {{"title", query.empty() ? "vnews" : html_escape(query) + " · vnews"},
               {"query", html_escape(query)},
               {"sort_options", sort_options(view.request.sort)},
               {"results", results}});
}

}  // namespace vnews

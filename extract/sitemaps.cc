// Sitemaps (<urlset>, <sitemapindex>, Google News sitemaps and plain-text
// sitemaps), OPML subscription lists and plain URL lists. XML is loaded
// with the same recovering reader as feeds (feeds_internal::LoadXml).
#include <algorithm>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/feeds_internal.h"

namespace newsdesk {
namespace {

// True, marking the sitemap, when it holds max_entries URLs already.
bool IsFull(Sitemap& sitemap, const FeedOptions& options) {
  if (sitemap.urls.size() < options.max_entries) return false;
  sitemap.ill_formed = true;
  sitemap.ill_formed_reason = "more than " + std::to_string(options.max_entries) +
                              " URLs (max_entries); the rest were dropped";
  return true;
}

using feeds_internal::LocalName;

std::string Text(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return CollapseWhitespace(out);
}

// The first child element with local name `name`, in any namespace.
pugi::xml_node Child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == name) return c;
  }
  return {};
}

// An attribute by name, ignoring case (OPML writers disagree on xmlUrl/xmlurl).
std::string Attr(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view an = a.name();
    if (an.size() == name.size() &&
        std::equal(an.begin(), an.end(), name.begin(), [](char x, char y) {
          return std::tolower(static_cast<unsigned char>(x)) ==
                 std::tolower(static_cast<unsigned char>(y));
        })) {
      return CollapseWhitespace(a.value());
    }
  }
  return {};
}

pugi::xml_node RootElement(const pugi::xml_document& doc) {
  for (pugi::xml_node n : doc.children()) {
    if (n.type() == pugi::node_element) return n;
  }
  return {};
}

Status CheckSize(std::string_view bytes, const FeedOptions& options, const char* what) {
  if (bytes.size() > options.max_input_bytes) {
    return Status::TooLarge(std::string(what) + " is " + std::to_string(bytes.size()) +
                            " bytes, over the limit of " + std::to_string(options.max_input_bytes) +
                            " bytes (max_input_bytes)");
  }
  return Status::Ok();
}

// Calls `visit(number, line)` for each line of `text` (numbered from 1,
// whitespace collapsed, empty lines skipped) until it returns false.
template <typename Visit>
void ForEachLine(std::string_view text, Visit&& visit) {
  std::size_t line_no = 0, start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = CollapseWhitespace(text.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (!line.empty() && !visit(line_no, line)) return;
  }
}

Result<Sitemap> ParsePlainSitemap(std::string_view text, std::string_view url,
                                  const FeedOptions& options) {
  Sitemap sitemap;
  std::size_t rejected = 0;
  ForEachLine(text, [&](std::size_t line_no, const std::string& line) {
    std::optional<std::string> loc = CanonicalUrl(line, url);
    if (!loc || line.find(' ') != std::string::npos) {
      ++rejected;
      if (!sitemap.ill_formed) {
        sitemap.ill_formed = true;
        sitemap.ill_formed_reason = "line " + std::to_string(line_no) + " is not a URL";
      }
      return true;
    }
    if (IsFull(sitemap, options)) return false;
    SitemapUrl u;
    u.loc = *loc;
    sitemap.urls.push_back(std::move(u));
    return true;
  });
  if (sitemap.urls.empty()) {
    return Status::InvalidInput(rejected > 0 ? "not a sitemap: no line is a URL" : "empty sitemap");
  }
  return sitemap;
}

}  // namespace

Result<Sitemap> ParseSitemap(std::string_view bytes, std::string_view url,
                             const FeedOptions& options) {
  if (Status s = CheckSize(bytes, options, "sitemap"); !s.ok()) return s;
  std::string head = feeds_internal::SniffableText(bytes, 1024);
  std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return Status::InvalidInput("empty sitemap");
  if (head[first] != '<') {
    feeds_internal::DecodedXml text = feeds_internal::DecodeXml(bytes, "text/plain; charset=utf-8");
    return ParsePlainSitemap(text.utf8, url, options);
  }
  feeds_internal::XmlDocument xml;
  if (!feeds_internal::LoadXml(bytes, {}, xml)) {
    return Status::InvalidInput("not a sitemap: no XML element found");
  }
  pugi::xml_node root = RootElement(xml.doc);
  std::string kind = LocalName(root.name());
  Sitemap sitemap;
  sitemap.ill_formed = xml.ill_formed;
  sitemap.ill_formed_reason = xml.ill_formed_reason;
  std::string_view item;
  if (kind == "urlset") {
    item = "url";
  } else if (kind == "sitemapindex") {
    sitemap.is_index = true;
    item = "sitemap";
  } else {
    return Status::InvalidInput("not a sitemap: the root element is <" + std::string(root.name()) +
                                ">");
  }
  for (pugi::xml_node n : root.children()) {
    if (n.type() != pugi::node_element || LocalName(n.name()) != item) continue;
    // Some writers put the URL straight into <url>/<sitemap>, without <loc>.
    std::string written = Text(Child(n, "loc"));
    if (written.empty()) written = Text(n);
    std::optional<std::string> loc = CanonicalUrl(written, url);
    if (!loc) continue;
    if (IsFull(sitemap, options)) break;
    SitemapUrl u;
    u.loc = *loc;
    u.lastmod = ParseDateTime(Text(Child(n, "lastmod")));
    if (pugi::xml_node news = Child(n, "news")) {
      u.news_title = Text(Child(news, "title"));
      u.news_published = ParseDateTime(Text(Child(news, "publication_date")));
      u.news_publication = Text(Child(Child(news, "publication"), "name"));
    }
    sitemap.urls.push_back(std::move(u));
  }
  return sitemap;
}

namespace {

// Collects the outlines under `n`; `tags` are the titles of the outlines
// around it.
void ReadOutlines(pugi::xml_node n, std::string_view base, int depth, const FeedOptions& options,
                  std::vector<std::string>& tags, std::vector<SourceSpec>& out, bool& truncated) {
  if (depth > options.max_depth) {
    truncated = true;
    return;
  }
  for (pugi::xml_node c : n.children()) {
    if (c.type() != pugi::node_element || LocalName(c.name()) != "outline") continue;
    std::string title = Attr(c, "title");
    if (title.empty()) title = Attr(c, "text");
    std::string xml_url = Attr(c, "xmlUrl");
    std::string html_url = Attr(c, "htmlUrl");
    std::string link = !xml_url.empty() ? xml_url : Attr(c, "url");
    if (link.empty()) link = html_url;
    if (!link.empty()) {
      if (std::optional<std::string> resolved = CanonicalUrl(link, base)) {
        if (out.size() >= options.max_entries) {
          truncated = true;
          return;
        }
        SourceSpec spec;
        spec.url = *resolved;
        if (!html_url.empty()) spec.html_url = CanonicalUrl(html_url, base).value_or("");
        spec.title = title;
        spec.tags = tags;
        out.push_back(std::move(spec));
      }
    }
    bool pushed = !title.empty();
    if (pushed) tags.push_back(title);
    ReadOutlines(c, base, depth + 1, options, tags, out, truncated);
    if (pushed) tags.pop_back();
  }
}

}  // namespace

Result<std::vector<SourceSpec>> ParseOpml(std::string_view bytes, std::string_view url,
                                          const FeedOptions& options) {
  if (Status s = CheckSize(bytes, options, "OPML file"); !s.ok()) return s;
  feeds_internal::XmlDocument xml;
  if (!feeds_internal::LoadXml(bytes, {}, xml)) {
    return Status::InvalidInput("not OPML: no XML element found");
  }
  pugi::xml_node root = RootElement(xml.doc);
  if (LocalName(root.name()) != "opml") {
    return Status::InvalidInput("not OPML: the root element is <" + std::string(root.name()) + ">");
  }
  pugi::xml_node body = Child(root, "body");
  if (!body) return Status::InvalidInput("OPML without a <body>");
  std::vector<SourceSpec> sources;
  std::vector<std::string> tags;
  bool truncated = false;
  ReadOutlines(body, url, 2, options, tags, sources, truncated);
  // A subscription list cut short would silently unsubscribe the rest.
  if (sources.size() >= options.max_entries && truncated) {
    return Status::TooLarge("OPML file lists more than " + std::to_string(options.max_entries) +
                            " sources (max_entries)");
  }
  return sources;
}

Result<std::vector<SourceSpec>> ParseUrlList(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<SourceSpec> sources;
  Status status;
  ForEachLine(text, [&](std::size_t line_no, const std::string& line) {
    if (line[0] == '#') return true;
    std::optional<std::string> url;
    if (line.find("://") != std::string::npos && line.find(' ') == std::string::npos) {
      url = CanonicalUrl(line);
    }
    if (!url) {
      status = Status::InvalidInput("line " + std::to_string(line_no) + ": '" + line +
                                    "' is not an absolute http(s) or file URL");
      return false;
    }
    SourceSpec spec;
    spec.url = *url;
    sources.push_back(std::move(spec));
    return true;
  });
  if (!status.ok()) return status;
  return sources;
}

}  // namespace newsdesk

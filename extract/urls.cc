// URLs through curl's URL API; registrable domains through libpsl.
#include <curl/curl.h>
#include <libpsl.h>

#include <algorithm>
#include <memory>

#include "extract/extract.h"

namespace newsdesk {
namespace {

struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
using UrlHandle = std::unique_ptr<CURLU, UrlDeleter>;

std::optional<std::string> GetPart(CURLU* u, CURLUPart part, unsigned flags = 0) {
  char* out = nullptr;
  if (curl_url_get(u, part, &out, flags) != CURLUE_OK || out == nullptr) return std::nullopt;
  std::string s(out);
  curl_free(out);
  return s;
}

// Parses `url`, resolved against `base` when that is given.
UrlHandle Parse(std::string_view url, std::string_view base) {
  UrlHandle h(curl_url());
  if (!h) return nullptr;
  std::string u(url);
  if (!base.empty()) {
    std::string b(base);
    if (curl_url_set(h.get(), CURLUPART_URL, b.c_str(), 0) != CURLUE_OK) return nullptr;
  }
  if (curl_url_set(h.get(), CURLUPART_URL, u.c_str(), 0) != CURLUE_OK) return nullptr;
  return h;
}

}  // namespace

std::optional<std::string> CanonicalUrl(std::string_view url, std::string_view base) {
  std::string trimmed = CollapseWhitespace(url);
  if (trimmed.empty() || trimmed.size() > 8192) return std::nullopt;
  UrlHandle h = Parse(trimmed, base);
  if (!h) return std::nullopt;
  auto scheme = GetPart(h.get(), CURLUPART_SCHEME);
  if (!scheme || (*scheme != "http" && *scheme != "https" && *scheme != "file")) {
    return std::nullopt;
  }
  if (auto host = GetPart(h.get(), CURLUPART_HOST)) {
    std::string lower = *host;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower != *host && curl_url_set(h.get(), CURLUPART_HOST, lower.c_str(), 0) != CURLUE_OK) {
      return std::nullopt;
    }
  }
  curl_url_set(h.get(), CURLUPART_FRAGMENT, nullptr, 0);
  return GetPart(h.get(), CURLUPART_URL, CURLU_NO_DEFAULT_PORT);
}

std::string FileUrl(std::string_view absolute_path) {
  UrlHandle h(curl_url());
  std::string path(absolute_path);
  if (!h || curl_url_set(h.get(), CURLUPART_SCHEME, "file", 0) != CURLUE_OK ||
      curl_url_set(h.get(), CURLUPART_PATH, path.c_str(), CURLU_URLENCODE) != CURLUE_OK) {
    return "file://" + path;
  }
  return GetPart(h.get(), CURLUPART_URL).value_or("file://" + path);
}

std::string RegistrableDomain(std::string_view url) {
  UrlHandle h = Parse(url, {});
  if (!h) return {};
  auto host = GetPart(h.get(), CURLUPART_HOST);
  if (!host || host->empty()) return {};
  std::string lower = *host;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // psl_latest reads the system list (Debian's publicsuffix package) and
  // falls back to the built-in one; the context is immutable once loaded.
  static const psl_ctx_t* psl = [] {
    const psl_ctx_t* ctx = psl_latest(nullptr);
    return ctx != nullptr ? ctx : psl_builtin();
  }();
  if (psl != nullptr) {
    if (const char* reg = psl_registrable_domain(psl, lower.c_str())) return reg;
  }
  return lower;
}

}  // namespace newsdesk

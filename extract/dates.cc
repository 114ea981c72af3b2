// Date parsing: ISO 8601 by hand (curl does not read it), everything else by
// curl_getdate after spelling month names the way it expects.
#include <curl/curl.h>

#include <array>
#include <cctype>
#include <chrono>
#include <string>

#include "extract/extract.h"

namespace newsdesk {
namespace {

// Reads exactly `width` digits at text[pos], advancing pos.
bool ReadDigits(std::string_view text, std::size_t& pos, int width, int& out) {
  if (pos + width > text.size()) return false;
  int v = 0;
  for (int i = 0; i < width; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += width;
  out = v;
  return true;
}

UnixSeconds ToUnix(int y, int mo, int d, int h, int mi, int s) {
  using namespace std::chrono;
  sys_days date = year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)};
  return date.time_since_epoch().count() * 86400LL + h * 3600LL + mi * 60LL + s;
}

std::optional<UnixSeconds> ParseIso8601(std::string_view t) {
  std::size_t p = 0;
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (!ReadDigits(t, p, 4, y) || p >= t.size() || t[p++] != '-') return std::nullopt;
  if (!ReadDigits(t, p, 2, mo) || p >= t.size() || t[p++] != '-') return std::nullopt;
  if (!ReadDigits(t, p, 2, d)) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  using namespace std::chrono;
  if (!(year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}).ok()) {
    return std::nullopt;
  }
  int offset = 0;
  if (p < t.size() && (t[p] == 'T' || t[p] == 't' || t[p] == ' ')) {
    ++p;
    if (!ReadDigits(t, p, 2, h) || p >= t.size() || t[p++] != ':') return std::nullopt;
    if (!ReadDigits(t, p, 2, mi)) return std::nullopt;
    if (p < t.size() && t[p] == ':') {
      ++p;
      if (!ReadDigits(t, p, 2, s)) return std::nullopt;
      if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
        ++p;
        while (p < t.size() && std::isdigit(static_cast<unsigned char>(t[p]))) ++p;
      }
    }
    if (h > 24 || mi > 59 || s > 60) return std::nullopt;
    if (p < t.size() && (t[p] == 'Z' || t[p] == 'z')) {
      ++p;
    } else if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
      int sign = t[p++] == '-' ? -1 : 1;
      int oh, om = 0;
      if (!ReadDigits(t, p, 2, oh)) return std::nullopt;
      if (p < t.size() && t[p] == ':') ++p;
      if (p < t.size() && std::isdigit(static_cast<unsigned char>(t[p])) &&
          !ReadDigits(t, p, 2, om)) {
        return std::nullopt;
      }
      if (oh > 14 || om > 59) return std::nullopt;
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  while (p < t.size() && std::isspace(static_cast<unsigned char>(t[p]))) ++p;
  if (p != t.size()) return std::nullopt;
  return ToUnix(y, mo, d, h, mi, s) - offset;
}

// curl_getdate knows "Oct" but not "October".
std::string AbbreviateMonths(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      // "14th" → "14": ordinals confuse curl.
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    std::string word(text.substr(i, j - i));
    std::string lower = word;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool replaced = false;
    for (std::string_view m : kMonths) {
      if (lower.size() > 3 && lower == m) {
        out += word.substr(0, 3);
        replaced = true;
        break;
      }
    }
    bool ordinal = (lower == "st" || lower == "nd" || lower == "rd" || lower == "th") && i > 0 &&
                   std::isdigit(static_cast<unsigned char>(text[i - 1]));
    if (!replaced && !ordinal) out += word;
    i = j;
  }
  return out;
}

}  // namespace

std::optional<UnixSeconds> ParseDateTime(std::string_view text) {
  std::string trimmed = CollapseWhitespace(text);
  if (trimmed.empty() || trimmed.size() > 100) return std::nullopt;
  if (auto iso = ParseIso8601(trimmed)) return iso;
  std::string spelled = AbbreviateMonths(trimmed);
  time_t t = curl_getdate(spelled.c_str(), nullptr);
  if (t == -1) return std::nullopt;
  return static_cast<UnixSeconds>(t);
}

std::string FormatIsoUtc(UnixSeconds t) {
  using namespace std::chrono;
  sys_seconds tp{seconds{t}};
  sys_days date = floor<days>(tp);
  year_month_day ymd{date};
  hh_mm_ss<seconds> hms{tp - date};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

}  // namespace newsdesk

// Date parsing: ISO 8601 by hand (curl does not read it), everything else by
// curl_getdate after spelling the date the way it expects: English month
// names for full, Greek and Hungarian ones, numeric offsets for the zone
// names and "+hh:mm" forms curl does not know, and the Korean forms some
// feeds carry rewritten to ISO 8601.
#include <curl/curl.h>
#include <re2/re2.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>

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
  int y, mo, d = 1, h = 0, mi = 0, s = 0;
  // W3C-DTF also allows a year alone and a year and month.
  if (!ReadDigits(t, p, 4, y)) return std::nullopt;
  if (p == t.size()) return ToUnix(y, 1, 1, 0, 0, 0);
  if (t[p++] != '-') return std::nullopt;
  if (!ReadDigits(t, p, 2, mo)) return std::nullopt;
  if (p == t.size()) {
    if (mo < 1 || mo > 12) return std::nullopt;
    return ToUnix(y, mo, 1, 0, 0, 0);
  }
  if (t[p++] != '-') return std::nullopt;
  if (!ReadDigits(t, p, 2, d)) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  using namespace std::chrono;
  if (!(year{y} / month{static_cast<unsigned>(mo)} / day{static_cast<unsigned>(d)}).ok()) {
    return std::nullopt;
  }
  int offset = 0;
  if (p < t.size() && (t[p] == 'T' || t[p] == 't' || t[p] == ' ')) {
    ++p;
    // "T9:15": some feeds leave out the hour's leading zero.
    if (p + 1 < t.size() && t[p + 1] == ':' && ReadDigits(t, p, 1, h)) {
      ++p;
    } else if (!ReadDigits(t, p, 2, h) || p >= t.size() || t[p++] != ':') {
      return std::nullopt;
    }
    if (!ReadDigits(t, p, 2, mi)) return std::nullopt;
    if (p < t.size() && t[p] == ':') {
      ++p;
      if (!ReadDigits(t, p, 2, s)) return std::nullopt;
      if (p < t.size() && (t[p] == '.' || t[p] == ',')) {
        ++p;
        while (p < t.size() && std::isdigit(static_cast<unsigned char>(t[p]))) ++p;
      }
    }
    // 24:00:00 is the end of the day; 24:30 is no time at all.
    if ((h > 23 && !(h == 24 && mi == 0 && s == 0)) || mi > 59 || s > 60) return std::nullopt;
    // "2004-07-08 23:56:58 -00:20": a space before the zone.
    if (p + 1 < t.size() && t[p] == ' ' &&
        (t[p + 1] == '+' || t[p + 1] == '-' || t[p + 1] == 'Z')) {
      ++p;
    }
    if (p < t.size() && (t[p] == 'Z' || t[p] == 'z')) {
      ++p;
    } else if (p < t.size() && (t[p] == '+' || t[p] == '-')) {
      int sign = t[p++] == '-' ? -1 : 1;
      int oh, om = 0;
      if (!ReadDigits(t, p, 2, oh)) return std::nullopt;
      if (p < t.size() && t[p] == ':') {
        ++p;
        if (!ReadDigits(t, p, 2, om)) return std::nullopt;  // "+05:" is cut short
      } else if (p < t.size() && std::isdigit(static_cast<unsigned char>(t[p])) &&
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

bool IsWordByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Month names and abbreviations curl_getdate does not know, by language,
// with the abbreviation it does. Compared after ASCII lower-casing, so the
// Greek and Hungarian forms are listed as feeds write them.
const char* EnglishMonth(std::string_view word) {
  static constexpr std::pair<std::string_view, const char*> kMonths[] = {{"january", "Jan"},
                                                                         {"february", "Feb"},
                                                                         {"march", "Mar"},
                                                                         {"april", "Apr"},
                                                                         {"june", "Jun"},
                                                                         {"july", "Jul"},
                                                                         {"august", "Aug"},
                                                                         {"september", "Sep"},
                                                                         {"october", "Oct"},
                                                                         {"november", "Nov"},
                                                                         {"december", "Dec"},
                                                                         {"sept", "Sep"},
                                                                         // Greek
                                                                         {"Ιαν", "Jan"},
                                                                         {"Φεβ", "Feb"},
                                                                         {"Μάρ", "Mar"},
                                                                         {"Μαρ", "Mar"},
                                                                         {"Απρ", "Apr"},
                                                                         {"Μάι", "May"},
                                                                         {"Μαΐ", "May"},
                                                                         {"Μαι", "May"},
                                                                         {"Ιούν", "Jun"},
                                                                         {"Ιουν", "Jun"},
                                                                         {"Ιούλ", "Jul"},
                                                                         {"Ιουλ", "Jul"},
                                                                         {"Αύγ", "Aug"},
                                                                         {"Αυγ", "Aug"},
                                                                         {"Σεπ", "Sep"},
                                                                         {"Οκτ", "Oct"},
                                                                         {"Νοέ", "Nov"},
                                                                         {"Νοε", "Nov"},
                                                                         {"Δεκ", "Dec"},
                                                                         // Hungarian
                                                                         {"január", "Jan"},
                                                                         {"február", "Feb"},
                                                                         {"március", "Mar"},
                                                                         {"április", "Apr"},
                                                                         {"május", "May"},
                                                                         {"június", "Jun"},
                                                                         {"július", "Jul"},
                                                                         {"augusztus", "Aug"},
                                                                         {"szeptember", "Sep"},
                                                                         {"október", "Oct"},
                                                                         {"december", "Dec"}};
  // The table is lower-case already where ASCII lower-casing changes anything.
  std::string lower = Lower(word);
  for (const auto& [name, english] : kMonths) {
    if (lower == name) return english;
  }
  return nullptr;
}

// Weekday names curl_getdate does not know (it ignores the weekday anyway).
bool IsForeignWeekday(std::string_view word) {
  static constexpr std::string_view kDays[] = {"Κυρ", "Δευ", "Τρι", "Τετ", "Πεμ", "Παρ", "Σαβ"};
  for (std::string_view d : kDays) {
    if (word == d) return true;
  }
  return false;
}

// North American zone names without the daylight letter, read as standard
// time, and others curl_getdate does not know.
const char* ZoneOffset(std::string_view word) {
  static constexpr std::pair<std::string_view, const char*> kZones[] = {
      {"AT", "-0400"}, {"ET", "-0500"}, {"CT", "-0600"},
      {"MT", "-0700"}, {"PT", "-0800"}, {"Etc/GMT", "+0000"}};
  for (const auto& [name, offset] : kZones) {
    if (word == name) return offset;
  }
  return nullptr;
}

// "+01:00", "GMT-01:01", "UTC+0100" at `pos` → "-0101" style; the length
// read in *consumed.
std::string NumericOffset(std::string_view text, std::size_t pos, std::size_t* consumed) {
  std::size_t p = pos;
  if (text.compare(p, 3, "GMT") == 0 || text.compare(p, 3, "UTC") == 0) p += 3;
  if (p >= text.size() || (text[p] != '+' && text[p] != '-')) return {};
  char sign = text[p++];
  std::string digits;
  while (p < text.size() && digits.size() < 4 &&
         (std::isdigit(static_cast<unsigned char>(text[p])) || text[p] == ':')) {
    if (text[p] != ':') digits += text[p];
    ++p;
  }
  if (digits.size() == 2) digits += "00";
  if (digits.size() != 4) return {};
  if (p < text.size() && !std::isspace(static_cast<unsigned char>(text[p]))) return {};
  *consumed = p - pos;
  return std::string(1, sign) + digits;
}

// Rewrites what curl_getdate would misread: see the file comment.
std::string SpellForCurl(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c == '+' || c == '-' || c == 'G' || c == 'U') && (i == 0 || text[i - 1] == ' ')) {
      std::size_t consumed = 0;
      std::string offset = NumericOffset(text, i, &consumed);
      if (!offset.empty()) {
        out += offset;
        i += consumed;
        continue;
      }
    }
    if (std::isdigit(c)) {
      // "2006/09/15" → "15 Sep 2006".
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      if (j - i == 4 && text.size() >= j + 6 && text[j] == '/' && text[j + 3] == '/' &&
          std::isdigit(static_cast<unsigned char>(text[j + 1])) &&
          std::isdigit(static_cast<unsigned char>(text[j + 2])) &&
          std::isdigit(static_cast<unsigned char>(text[j + 4])) &&
          std::isdigit(static_cast<unsigned char>(text[j + 5]))) {
        static constexpr const char* kAbbrev[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int month = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
        if (month >= 1 && month <= 12) {
          out.append(text.substr(j + 4, 2));
          out += ' ';
          out += kAbbrev[month - 1];
          out += ' ';
          out.append(text.substr(i, 4));
          i = j + 6;
          continue;
        }
      }
      out.append(text.substr(i, j - i));
      i = j;
      continue;
    }
    if (!IsWordByte(c)) {
      out += text[i++];
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (IsWordByte(static_cast<unsigned char>(text[j])) || text[j] == '/')) {
      ++j;
    }
    std::string_view word = text.substr(i, j - i);
    std::string lower = Lower(word);
    // "14th" → "14": ordinals confuse curl.
    bool ordinal = (lower == "st" || lower == "nd" || lower == "rd" || lower == "th") && i > 0 &&
                   std::isdigit(static_cast<unsigned char>(text[i - 1]));
    if (const char* month = EnglishMonth(word)) {
      out += month;
    } else if (const char* offset = ZoneOffset(word)) {
      out += offset;
    } else if (!ordinal && !IsForeignWeekday(word)) {
      out.append(word);
    }
    i = j;
  }
  return out;
}

// Reads the numbers in `text` that come before each of `units`, in order.
bool ReadUnits(std::string_view text, std::initializer_list<std::string_view> units, int* out) {
  std::size_t pos = 0;
  for (std::string_view unit : units) {
    while (pos < text.size() && !std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    int v = 0, n = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])) && n < 4) {
      v = v * 10 + (text[pos++] - '0');
      ++n;
    }
    if (n == 0) return false;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (!unit.empty()) {
      if (text.compare(pos, unit.size(), unit) != 0) return false;
      pos += unit.size();
    }
    *out++ = v;
  }
  return true;
}

// Korean portals write "2004년 05월 28일 01:31:15" or "2004-05-25 오후
// 11:23:17" (오전 a.m., 오후 p.m.), in Korea Standard Time.
std::optional<UnixSeconds> ParseKorean(std::string_view t) {
  constexpr int kKst = 9 * 3600;
  int v[6];
  if (t.find("년") != std::string_view::npos) {
    if (!ReadUnits(t, {"년", "월", "일", ":", ":", ""}, v)) return std::nullopt;
  } else if (t.find("오전") != std::string_view::npos || t.find("오후") != std::string_view::npos) {
    bool pm = t.find("오후") != std::string_view::npos;
    if (!ReadUnits(t, {"-", "-", "", ":", ":", ""}, v)) return std::nullopt;
    if (pm && v[3] < 12) v[3] += 12;
  } else {
    return std::nullopt;
  }
  using namespace std::chrono;
  if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60 ||
      !(year{v[0]} / month{static_cast<unsigned>(v[1])} / day{static_cast<unsigned>(v[2])}).ok()) {
    return std::nullopt;
  }
  return ToUnix(v[0], v[1], v[2], v[3], v[4], v[5]) - kKst;
}

// "2004-július-13T9:15-05:00": an ISO 8601 date with the month spelled out.
std::optional<UnixSeconds> ParseIsoWithMonthName(std::string_view t) {
  if (t.size() < 8 || t[4] != '-') return std::nullopt;
  std::size_t end = t.find('-', 5);
  if (end == std::string_view::npos) return std::nullopt;
  const char* month = EnglishMonth(t.substr(5, end - 5));
  if (month == nullptr) return std::nullopt;
  static constexpr std::string_view kAbbrev[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int m = 0; m < 12; ++m) {
    if (kAbbrev[m] == month) {
      std::string iso(t.substr(0, 5));
      iso += static_cast<char>('0' + (m + 1) / 10);
      iso += static_cast<char>('0' + (m + 1) % 10);
      iso.append(t.substr(end));
      return ParseIso8601(iso);
    }
  }
  return std::nullopt;
}

}  // namespace

// "2026-10-14 07:30:00 EDT": ISO 8601 and a zone name curl_getdate knows.
std::optional<UnixSeconds> ParseIsoWithZoneName(const std::string& text) {
  std::size_t space = text.rfind(' ');
  if (space == std::string::npos) return std::nullopt;
  std::string zone = text.substr(space + 1);
  if (zone.empty() ||
      !std::all_of(zone.begin(), zone.end(), [](unsigned char c) { return std::isalpha(c); })) {
    return std::nullopt;
  }
  auto local = ParseIso8601(text.substr(0, space));
  if (!local) return std::nullopt;
  // The zone's offset: what curl makes of midnight, 1 January 1970, there.
  std::string probe = "1 Jan 1970 00:00:00 " + zone;
  time_t shift = curl_getdate(probe.c_str(), nullptr);
  if (shift == -1 || std::abs(static_cast<long>(shift)) > 14 * 3600) return std::nullopt;
  return *local + static_cast<UnixSeconds>(shift);
}

// "9:30 PM" → "21:30", "12:05 a.m." → "00:05": curl_getdate reads 24-hour times only.
std::string To24HourClock(std::string text) {
  static const RE2 re("(?i)\\b(\\d{1,2}):(\\d{2})(:\\d{2})?\\s*([ap])\\.?m\\.?(\\b|$)");
  re2::StringPiece input(text), match[6];
  std::size_t from = 0;
  std::string out;
  while (re.Match(input, from, input.size(), RE2::UNANCHORED, match, 6)) {
    std::size_t start = static_cast<std::size_t>(match[0].data() - input.data());
    int hour = std::stoi(std::string(match[1]));
    if (hour < 1 || hour > 12) {
      out.append(text, from, start + match[0].size() - from);
      from = start + match[0].size();
      continue;
    }
    bool pm = std::tolower(static_cast<unsigned char>(match[4][0])) == 'p';
    hour = hour % 12 + (pm ? 12 : 0);
    out.append(text, from, start - from);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:", hour);
    out += buf;
    out += std::string(match[2]);
    out += std::string(match[3]);
    from = start + match[0].size();
    if (!match[5].empty()) from -= match[5].size();
  }
  out.append(text, from, std::string::npos);
  return out;
}

std::optional<UnixSeconds> ParseDateTime(std::string_view text) {
  std::string trimmed = CollapseWhitespace(text);
  if (trimmed.empty() || trimmed.size() > 100) return std::nullopt;
  if (auto iso = ParseIso8601(trimmed)) return iso;
  if (auto zoned = ParseIsoWithZoneName(trimmed)) return zoned;
  trimmed = To24HourClock(std::move(trimmed));
  if (auto korean = ParseKorean(trimmed)) return korean;
  if (auto named = ParseIsoWithMonthName(trimmed)) return named;
  std::string spelled = SpellForCurl(trimmed);
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

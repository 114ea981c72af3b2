// ToUtf8 (ICU conversion from a charset label chosen by the input's size,
// including aliases newsdesk maps itself and labels ICU does not know) and
// HtmlToText (libxml2 fragment parse, entities, whitespace) on the input.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/extract.h"
#include "fuzz/fuzz_checks.h"

namespace {
constexpr std::array<std::string_view, 16> kCharsets = {
    "utf-8",    "windows-1252", "iso-8859-1", "gb2312",           "big5",   "shift_jis",
    "euc-kr",   "utf-16",       "utf-16le",   "utf-32",           "koi8-r", "iso-2022-jp",
    "us-ascii", "tis-620",      " UTF8 ",     "x-no-such-charset"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsdesk::fuzz;
  std::string_view input = AsText(data, size);
  // extract.h: malformed sequences become U+FFFD, so the result is UTF-8.
  if (auto utf8 = newsdesk::ToUtf8(input, PickBySize<std::string_view>(kCharsets, size));
      utf8.ok()) {
    RequireUtf8(*utf8, "ToUtf8: result is not UTF-8");
  }
  std::string text = newsdesk::HtmlToText(input);
  if (simdjson::validate_utf8(input.data(), input.size())) {
    RequireUtf8(text, "HtmlToText: UTF-8 input gives text that is not UTF-8");
  }
  return 0;
}

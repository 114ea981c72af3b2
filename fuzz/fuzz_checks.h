// What the fuzz targets share: the input as a string_view, a contract check
// that aborts (so libFuzzer records the input as a crash) and a choice of one
// of a few fixed values made from the input's size, which leaves every byte
// of the input to the parser under test.
#ifndef NEWSDESK_FUZZ_FUZZ_CHECKS_H_
#define NEWSDESK_FUZZ_FUZZ_CHECKS_H_

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

namespace newsdesk::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A broken promise of extract/extract.h: abort with what was broken.
inline void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

// Everything newsdesk stores or prints is UTF-8 (JSON output refuses
// anything else), so every text a parser returns must be.
inline void RequireUtf8(std::string_view s, const char* what) {
  Require(simdjson::validate_utf8(s.data(), s.size()), what);
}

template <typename T>
const T& PickBySize(std::span<const T> choices, std::size_t size) {
  return choices[size % choices.size()];
}

}  // namespace newsdesk::fuzz

#endif  // NEWSDESK_FUZZ_FUZZ_CHECKS_H_

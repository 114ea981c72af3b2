#include <gtest/gtest.h>

#include "extract/extract.h"

namespace newsdesk {
namespace {

// 2026-10-14T07:30:00Z
constexpr UnixSeconds kOct14At0730 = 1791963000;

TEST(ParseDateTime, ReadsIso8601WithOffsetsToUtc) {
  EXPECT_EQ(ParseDateTime("2026-10-14T07:30:00Z"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("2026-10-14T09:30:00+02:00"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("2026-10-14T03:30:00-0400"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("2026-10-14T07:30:00.123Z"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("2026-10-14 07:30"), kOct14At0730);
}

TEST(ParseDateTime, ReadsDateOnlyAsMidnightUtc) {
  EXPECT_EQ(ParseDateTime("2026-10-14"), kOct14At0730 - 7 * 3600 - 30 * 60);
}

TEST(ParseDateTime, ReadsRfc822AndSpelledOutDates) {
  EXPECT_EQ(ParseDateTime("Wed, 14 Oct 2026 07:30:00 GMT"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("Wed, 14 Oct 2026 09:30:00 +0200"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("October 14, 2026 07:30 GMT"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("14th October 2026"), kOct14At0730 - 7 * 3600 - 30 * 60);
}

TEST(ParseDateTime, RefusesWhatIsNotADate) {
  EXPECT_EQ(ParseDateTime(""), std::nullopt);
  EXPECT_EQ(ParseDateTime("yesterday afternoon"), std::nullopt);
  EXPECT_EQ(ParseDateTime("2026-13-40"), std::nullopt);
  EXPECT_EQ(ParseDateTime("2026-02-30T10:00:00Z"), std::nullopt);
  EXPECT_EQ(ParseDateTime("2026-10-14T07:30:00Zjunk"), std::nullopt);
}

TEST(ParseDateTime, ReadsZoneNamesAfterIsoDatesAndTwelveHourClocks) {
  EXPECT_EQ(ParseDateTime("2026-10-14 03:30:00 EDT"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("Oct 14, 2026 7:30 AM GMT"), kOct14At0730);
  EXPECT_EQ(ParseDateTime("October 14, 2026 3:30 p.m. GMT"), kOct14At0730 + 8 * 3600);
  EXPECT_EQ(ParseDateTime("2026-10-14T07:30:00 +00:00"), kOct14At0730);
}

TEST(ParseDateTime, RefusesTimesPastMidnightAndCutOffsets) {
  EXPECT_EQ(ParseDateTime("2026-10-14T24:30:00Z"), std::nullopt);
  EXPECT_EQ(ParseDateTime("2026-10-14T24:00:00Z"), kOct14At0730 + 16 * 3600 + 30 * 60);
  EXPECT_EQ(ParseDateTime("2026-10-14T07:30:00+05:"), std::nullopt);
}

TEST(FormatIsoUtc, PrintsSecondsAsUtc) {
  EXPECT_EQ(FormatIsoUtc(kOct14At0730), "2026-10-14T07:30:00Z");
  EXPECT_EQ(FormatIsoUtc(0), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace newsdesk

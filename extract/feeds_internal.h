// Private to extract/: the steps feeds.cc, sitemaps.cc and charset.cc share.
//
// Everything here is a pure function; nothing keeps state between calls.
#ifndef NEWSDESK_EXTRACT_FEEDS_INTERNAL_H_
#define NEWSDESK_EXTRACT_FEEDS_INTERNAL_H_

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "extract/extract.h"

namespace newsdesk::feeds_internal {

// Appends each character of UTF-8 `text` as a numeric reference ("&#233;"):
// how an HTML entity is spelled so that an XML parser takes it.
void AppendNumericReferences(std::string& out, std::string_view text);

// An HTTP Content-Type split into its lower-cased media type and charset.
struct MediaType {
  std::string type;                    // "application/rss+xml"; empty when none was given
  std::optional<std::string> charset;  // the charset parameter, unquoted and lower-cased
};
MediaType ParseMediaType(std::string_view content_type);

// The UTF-8 text of an XML document and how it was read. The encoding is
// chosen the way RFC 3023 and feed readers do it: the HTTP charset, the XML
// declaration, the byte-order mark and a statistical guess, in that order,
// the first that decodes the bytes without error winning.
struct DecodedXml {
  std::string utf8;      // without a byte-order mark
  std::string encoding;  // what the bytes were read as ("utf-8", "windows-1252", …)
  // Empty when the declarations agreed with what the bytes are; otherwise
  // what was wrong ("declared as utf-8, but read as big5").
  std::string problem;
};
DecodedXml DecodeXml(std::string_view bytes, std::string_view content_type);

// The bytes with the BOM and any UTF-16/32 encoding undone, for sniffing; at
// most `limit` bytes of input are looked at.
std::string SniffableText(std::string_view bytes, std::size_t limit);

// The UTF-8 characters an HTML5 named character reference stands for
// ("eacute" → "é"), or nullopt when `name` (without & and ;) is not one.
std::optional<std::string_view> LookupHtmlEntity(std::string_view name);

// Maps the C1 controls U+0080–U+009F, which in feeds are nearly always
// windows-1252 characters read as ISO-8859-1, to the characters meant.
std::string FixC1Controls(std::string_view utf8);

// An XML document loaded for reading, recovered where it was not well-formed.
struct XmlDocument {
  pugi::xml_document doc;
  bool ill_formed = false;
  std::string ill_formed_reason;  // the first problem found
};

// Decodes `bytes` (see DecodeXml), repairs what pugixml would refuse (HTML
// named entities, bare ampersands and angle brackets, illegal control
// characters, junk before the prolog, unquoted attributes, truncation and
// unclosed or mismatched tags) and parses the result. DTD entities are never
// expanded recursively (only literal internal entities are substituted) so an
// entity bomb stays small. Returns false only when no element was found.
bool LoadXml(std::string_view bytes, std::string_view content_type, XmlDocument& out,
             std::string* encoding = nullptr);

// The local part of an element or attribute name, lower-cased: "dc:Creator" → "creator".
std::string LocalName(std::string_view qualified);

}  // namespace newsdesk::feeds_internal

#endif  // NEWSDESK_EXTRACT_FEEDS_INTERNAL_H_

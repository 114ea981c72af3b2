// Characters: charset conversion (ICU), the encoding of XML documents
// (byte-order marks, XML declarations, HTTP charsets and their conflicts, and
// ICU's charset detector when all of them are wrong), the encoding of HTML
// pages, HTML5 named character references, and what kind of document a byte
// string is.
#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "extract/feeds_internal.h"
#include "extract/internal.h"

namespace newsdesk {
namespace feeds_internal {
namespace {

struct NamedEntity {
  std::string_view name;
  std::string_view utf8;
};

// The WHATWG HTML5 named character references that end in ';' (the list
// Python's html.entities.html5 carries), sorted by name for binary search.
// libxml2's htmlEntityLookup only knows the 253 of HTML 4.
// clang-format off
constexpr NamedEntity kHtmlEntities[] = {
{"AElig", "\xC3\x86"},
{"AMP", "&"},
{"Aacute", "\xC3\x81"},
{"Abreve", "\xC4\x82"},
{"Acirc", "\xC3\x82"},
{"Acy", "\xD0\x90"},
{"Afr", "\xF0\x9D\x94\x84"},
{"Agrave", "\xC3\x80"},
{"Alpha", "\xCE\x91"},
{"Amacr", "\xC4\x80"},
{"And", "\xE2\xA9\x93"},
{"Aogon", "\xC4\x84"},
{"Aopf", "\xF0\x9D\x94\xB8"},
{"ApplyFunction", "\xE2\x81\xA1"},
{"Aring", "\xC3\x85"},
{"Ascr", "\xF0\x9D\x92\x9C"},
{"Assign", "\xE2\x89\x94"},
{"Atilde", "\xC3\x83"},
{"Auml", "\xC3\x84"},
{"Backslash", "\xE2\x88\x96"},
{"Barv", "\xE2\xAB\xA7"},
{"Barwed", "\xE2\x8C\x86"},
{"Bcy", "\xD0\x91"},
{"Because", "\xE2\x88\xB5"},
{"Bernoullis", "\xE2\x84\xAC"},
{"Beta", "\xCE\x92"},
{"Bfr", "\xF0\x9D\x94\x85"},
{"Bopf", "\xF0\x9D\x94\xB9"},
{"Breve", "\xCB\x98"},
{"Bscr", "\xE2\x84\xAC"},
{"Bumpeq", "\xE2\x89\x8E"},
{"CHcy", "\xD0\xA7"},
{"COPY", "\xC2\xA9"},
{"Cacute", "\xC4\x86"},
{"Cap", "\xE2\x8B\x92"},
{"CapitalDifferentialD", "\xE2\x85\x85"},
{"Cayleys", "\xE2\x84\xAD"},
{"Ccaron", "\xC4\x8C"},
{"Ccedil", "\xC3\x87"},
{"Ccirc", "\xC4\x88"},
{"Cconint", "\xE2\x88\xB0"},
{"Cdot", "\xC4\x8A"},
{"Cedilla", "\xC2\xB8"},
{"CenterDot", "\xC2\xB7"},
{"Cfr", "\xE2\x84\xAD"},
{"Chi", "\xCE\xA7"},
{"CircleDot", "\xE2\x8A\x99"},
{"CircleMinus", "\xE2\x8A\x96"},
{"CirclePlus", "\xE2\x8A\x95"},
{"CircleTimes", "\xE2\x8A\x97"},
{"ClockwiseContourIntegral", "\xE2\x88\xB2"},
{"CloseCurlyDoubleQuote", "\xE2\x80\x9D"},
{"CloseCurlyQuote", "\xE2\x80\x99"},
{"Colon", "\xE2\x88\xB7"},
{"Colone", "\xE2\xA9\xB4"},
{"Congruent", "\xE2\x89\xA1"},
{"Conint", "\xE2\x88\xAF"},
{"ContourIntegral", "\xE2\x88\xAE"},
{"Copf", "\xE2\x84\x82"},
{"Coproduct", "\xE2\x88\x90"},
{"CounterClockwiseContourIntegral", "\xE2\x88\xB3"},
{"Cross", "\xE2\xA8\xAF"},
{"Cscr", "\xF0\x9D\x92\x9E"},
{"Cup", "\xE2\x8B\x93"},
{"CupCap", "\xE2\x89\x8D"},
{"DD", "\xE2\x85\x85"},
{"DDotrahd", "\xE2\xA4\x91"},
{"DJcy", "\xD0\x82"},
{"DScy", "\xD0\x85"},
{"DZcy", "\xD0\x8F"},
{"Dagger", "\xE2\x80\xA1"},
{"Darr", "\xE2\x86\xA1"},
{"Dashv", "\xE2\xAB\xA4"},
{"Dcaron", "\xC4\x8E"},
{"Dcy", "\xD0\x94"},
{"Del", "\xE2\x88\x87"},
{"Delta", "\xCE\x94"},
{"Dfr", "\xF0\x9D\x94\x87"},
{"DiacriticalAcute", "\xC2\xB4"},
{"DiacriticalDot", "\xCB\x99"},
{"DiacriticalDoubleAcute", "\xCB\x9D"},
{"DiacriticalGrave", "`"},
{"DiacriticalTilde", "\xCB\x9C"},
{"Diamond", "\xE2\x8B\x84"},
{"DifferentialD", "\xE2\x85\x86"},
{"Dopf", "\xF0\x9D\x94\xBB"},
{"Dot", "\xC2\xA8"},
{"DotDot", "\xE2\x83\x9C"},
{"DotEqual", "\xE2\x89\x90"},
{"DoubleContourIntegral", "\xE2\x88\xAF"},
{"DoubleDot", "\xC2\xA8"},
{"DoubleDownArrow", "\xE2\x87\x93"},
{"DoubleLeftArrow", "\xE2\x87\x90"},
{"DoubleLeftRightArrow", "\xE2\x87\x94"},
{"DoubleLeftTee", "\xE2\xAB\xA4"},
{"DoubleLongLeftArrow", "\xE2\x9F\xB8"},
{"DoubleLongLeftRightArrow", "\xE2\x9F\xBA"},
{"DoubleLongRightArrow", "\xE2\x9F\xB9"},
{"DoubleRightArrow", "\xE2\x87\x92"},
{"DoubleRightTee", "\xE2\x8A\xA8"},
{"DoubleUpArrow", "\xE2\x87\x91"},
{"DoubleUpDownArrow", "\xE2\x87\x95"},
{"DoubleVerticalBar", "\xE2\x88\xA5"},
{"DownArrow", "\xE2\x86\x93"},
{"DownArrowBar", "\xE2\xA4\x93"},
{"DownArrowUpArrow", "\xE2\x87\xB5"},
{"DownBreve", "\xCC\x91"},
{"DownLeftRightVector", "\xE2\xA5\x90"},
{"DownLeftTeeVector", "\xE2\xA5\x9E"},
{"DownLeftVector", "\xE2\x86\xBD"},
{"DownLeftVectorBar", "\xE2\xA5\x96"},
{"DownRightTeeVector", "\xE2\xA5\x9F"},
{"DownRightVector", "\xE2\x87\x81"},
{"DownRightVectorBar", "\xE2\xA5\x97"},
{"DownTee", "\xE2\x8A\xA4"},
{"DownTeeArrow", "\xE2\x86\xA7"},
{"Downarrow", "\xE2\x87\x93"},
{"Dscr", "\xF0\x9D\x92\x9F"},
{"Dstrok", "\xC4\x90"},
{"ENG", "\xC5\x8A"},
{"ETH", "\xC3\x90"},
{"Eacute", "\xC3\x89"},
{"Ecaron", "\xC4\x9A"},
{"Ecirc", "\xC3\x8A"},
{"Ecy", "\xD0\xAD"},
{"Edot", "\xC4\x96"},
{"Efr", "\xF0\x9D\x94\x88"},
{"Egrave", "\xC3\x88"},
{"Element", "\xE2\x88\x88"},
{"Emacr", "\xC4\x92"},
{"EmptySmallSquare", "\xE2\x97\xBB"},
{"EmptyVerySmallSquare", "\xE2\x96\xAB"},
{"Eogon", "\xC4\x98"},
{"Eopf", "\xF0\x9D\x94\xBC"},
{"Epsilon", "\xCE\x95"},
{"Equal", "\xE2\xA9\xB5"},
{"EqualTilde", "\xE2\x89\x82"},
{"Equilibrium", "\xE2\x87\x8C"},
{"Escr", "\xE2\x84\xB0"},
{"Esim", "\xE2\xA9\xB3"},
{"Eta", "\xCE\x97"},
{"Euml", "\xC3\x8B"},
{"Exists", "\xE2\x88\x83"},
{"ExponentialE", "\xE2\x85\x87"},
{"Fcy", "\xD0\xA4"},
{"Ffr", "\xF0\x9D\x94\x89"},
{"FilledSmallSquare", "\xE2\x97\xBC"},
{"FilledVerySmallSquare", "\xE2\x96\xAA"},
{"Fopf", "\xF0\x9D\x94\xBD"},
{"ForAll", "\xE2\x88\x80"},
{"Fouriertrf", "\xE2\x84\xB1"},
{"Fscr", "\xE2\x84\xB1"},
{"GJcy", "\xD0\x83"},
{"GT", ">"},
{"Gamma", "\xCE\x93"},
{"Gammad", "\xCF\x9C"},
{"Gbreve", "\xC4\x9E"},
{"Gcedil", "\xC4\xA2"},
{"Gcirc", "\xC4\x9C"},
{"Gcy", "\xD0\x93"},
{"Gdot", "\xC4\xA0"},
{"Gfr", "\xF0\x9D\x94\x8A"},
{"Gg", "\xE2\x8B\x99"},
{"Gopf", "\xF0\x9D\x94\xBE"},
{"GreaterEqual", "\xE2\x89\xA5"},
{"GreaterEqualLess", "\xE2\x8B\x9B"},
{"GreaterFullEqual", "\xE2\x89\xA7"},
{"GreaterGreater", "\xE2\xAA\xA2"},
{"GreaterLess", "\xE2\x89\xB7"},
{"GreaterSlantEqual", "\xE2\xA9\xBE"},
{"GreaterTilde", "\xE2\x89\xB3"},
{"Gscr", "\xF0\x9D\x92\xA2"},
{"Gt", "\xE2\x89\xAB"},
{"HARDcy", "\xD0\xAA"},
{"Hacek", "\xCB\x87"},
{"Hat", "^"},
{"Hcirc", "\xC4\xA4"},
{"Hfr", "\xE2\x84\x8C"},
{"HilbertSpace", "\xE2\x84\x8B"},
{"Hopf", "\xE2\x84\x8D"},
{"HorizontalLine", "\xE2\x94\x80"},
{"Hscr", "\xE2\x84\x8B"},
{"Hstrok", "\xC4\xA6"},
{"HumpDownHump", "\xE2\x89\x8E"},
{"HumpEqual", "\xE2\x89\x8F"},
{"IEcy", "\xD0\x95"},
{"IJlig", "\xC4\xB2"},
{"IOcy", "\xD0\x81"},
{"Iacute", "\xC3\x8D"},
{"Icirc", "\xC3\x8E"},
{"Icy", "\xD0\x98"},
{"Idot", "\xC4\xB0"},
{"Ifr", "\xE2\x84\x91"},
{"Igrave", "\xC3\x8C"},
{"Im", "\xE2\x84\x91"},
{"Imacr", "\xC4\xAA"},
{"ImaginaryI", "\xE2\x85\x88"},
{"Implies", "\xE2\x87\x92"},
{"Int", "\xE2\x88\xAC"},
{"Integral", "\xE2\x88\xAB"},
{"Intersection", "\xE2\x8B\x82"},
{"InvisibleComma", "\xE2\x81\xA3"},
{"InvisibleTimes", "\xE2\x81\xA2"},
{"Iogon", "\xC4\xAE"},
{"Iopf", "\xF0\x9D\x95\x80"},
{"Iota", "\xCE\x99"},
{"Iscr", "\xE2\x84\x90"},
{"Itilde", "\xC4\xA8"},
{"Iukcy", "\xD0\x86"},
{"Iuml", "\xC3\x8F"},
{"Jcirc", "\xC4\xB4"},
{"Jcy", "\xD0\x99"},
{"Jfr", "\xF0\x9D\x94\x8D"},
{"Jopf", "\xF0\x9D\x95\x81"},
{"Jscr", "\xF0\x9D\x92\xA5"},
{"Jsercy", "\xD0\x88"},
{"Jukcy", "\xD0\x84"},
{"KHcy", "\xD0\xA5"},
{"KJcy", "\xD0\x8C"},
{"Kappa", "\xCE\x9A"},
{"Kcedil", "\xC4\xB6"},
{"Kcy", "\xD0\x9A"},
{"Kfr", "\xF0\x9D\x94\x8E"},
{"Kopf", "\xF0\x9D\x95\x82"},
{"Kscr", "\xF0\x9D\x92\xA6"},
{"LJcy", "\xD0\x89"},
{"LT", "<"},
{"Lacute", "\xC4\xB9"},
{"Lambda", "\xCE\x9B"},
{"Lang", "\xE2\x9F\xAA"},
{"Laplacetrf", "\xE2\x84\x92"},
{"Larr", "\xE2\x86\x9E"},
{"Lcaron", "\xC4\xBD"},
{"Lcedil", "\xC4\xBB"},
{"Lcy", "\xD0\x9B"},
{"LeftAngleBracket", "\xE2\x9F\xA8"},
{"LeftArrow", "\xE2\x86\x90"},
{"LeftArrowBar", "\xE2\x87\xA4"},
{"LeftArrowRightArrow", "\xE2\x87\x86"},
{"LeftCeiling", "\xE2\x8C\x88"},
{"LeftDoubleBracket", "\xE2\x9F\xA6"},
{"LeftDownTeeVector", "\xE2\xA5\xA1"},
{"LeftDownVector", "\xE2\x87\x83"},
{"LeftDownVectorBar", "\xE2\xA5\x99"},
{"LeftFloor", "\xE2\x8C\x8A"},
{"LeftRightArrow", "\xE2\x86\x94"},
{"LeftRightVector", "\xE2\xA5\x8E"},
{"LeftTee", "\xE2\x8A\xA3"},
{"LeftTeeArrow", "\xE2\x86\xA4"},
{"LeftTeeVector", "\xE2\xA5\x9A"},
{"LeftTriangle", "\xE2\x8A\xB2"},
{"LeftTriangleBar", "\xE2\xA7\x8F"},
{"LeftTriangleEqual", "\xE2\x8A\xB4"},
{"LeftUpDownVector", "\xE2\xA5\x91"},
{"LeftUpTeeVector", "\xE2\xA5\xA0"},
{"LeftUpVector", "\xE2\x86\xBF"},
{"LeftUpVectorBar", "\xE2\xA5\x98"},
{"LeftVector", "\xE2\x86\xBC"},
{"LeftVectorBar", "\xE2\xA5\x92"},
{"Leftarrow", "\xE2\x87\x90"},
{"Leftrightarrow", "\xE2\x87\x94"},
{"LessEqualGreater", "\xE2\x8B\x9A"},
{"LessFullEqual", "\xE2\x89\xA6"},
{"LessGreater", "\xE2\x89\xB6"},
{"LessLess", "\xE2\xAA\xA1"},
{"LessSlantEqual", "\xE2\xA9\xBD"},
{"LessTilde", "\xE2\x89\xB2"},
{"Lfr", "\xF0\x9D\x94\x8F"},
{"Ll", "\xE2\x8B\x98"},
{"Lleftarrow", "\xE2\x87\x9A"},
{"Lmidot", "\xC4\xBF"},
{"LongLeftArrow", "\xE2\x9F\xB5"},
{"LongLeftRightArrow", "\xE2\x9F\xB7"},
{"LongRightArrow", "\xE2\x9F\xB6"},
{"Longleftarrow", "\xE2\x9F\xB8"},
{"Longleftrightarrow", "\xE2\x9F\xBA"},
{"Longrightarrow", "\xE2\x9F\xB9"},
{"Lopf", "\xF0\x9D\x95\x83"},
{"LowerLeftArrow", "\xE2\x86\x99"},
{"LowerRightArrow", "\xE2\x86\x98"},
{"Lscr", "\xE2\x84\x92"},
{"Lsh", "\xE2\x86\xB0"},
{"Lstrok", "\xC5\x81"},
{"Lt", "\xE2\x89\xAA"},
{"Map", "\xE2\xA4\x85"},
{"Mcy", "\xD0\x9C"},
{"MediumSpace", "\xE2\x81\x9F"},
{"Mellintrf", "\xE2\x84\xB3"},
{"Mfr", "\xF0\x9D\x94\x90"},
{"MinusPlus", "\xE2\x88\x93"},
{"Mopf", "\xF0\x9D\x95\x84"},
{"Mscr", "\xE2\x84\xB3"},
{"Mu", "\xCE\x9C"},
{"NJcy", "\xD0\x8A"},
{"Nacute", "\xC5\x83"},
{"Ncaron", "\xC5\x87"},
{"Ncedil", "\xC5\x85"},
{"Ncy", "\xD0\x9D"},
{"NegativeMediumSpace", "\xE2\x80\x8B"},
{"NegativeThickSpace", "\xE2\x80\x8B"},
{"NegativeThinSpace", "\xE2\x80\x8B"},
{"NegativeVeryThinSpace", "\xE2\x80\x8B"},
{"NestedGreaterGreater", "\xE2\x89\xAB"},
{"NestedLessLess", "\xE2\x89\xAA"},
{"NewLine", "\x0A"},
{"Nfr", "\xF0\x9D\x94\x91"},
{"NoBreak", "\xE2\x81\xA0"},
{"NonBreakingSpace", "\xC2\xA0"},
{"Nopf", "\xE2\x84\x95"},
{"Not", "\xE2\xAB\xAC"},
{"NotCongruent", "\xE2\x89\xA2"},
{"NotCupCap", "\xE2\x89\xAD"},
{"NotDoubleVerticalBar", "\xE2\x88\xA6"},
{"NotElement", "\xE2\x88\x89"},
{"NotEqual", "\xE2\x89\xA0"},
{"NotEqualTilde", "\xE2\x89\x82\xCC\xB8"},
{"NotExists", "\xE2\x88\x84"},
{"NotGreater", "\xE2\x89\xAF"},
{"NotGreaterEqual", "\xE2\x89\xB1"},
{"NotGreaterFullEqual", "\xE2\x89\xA7\xCC\xB8"},
{"NotGreaterGreater", "\xE2\x89\xAB\xCC\xB8"},
{"NotGreaterLess", "\xE2\x89\xB9"},
{"NotGreaterSlantEqual", "\xE2\xA9\xBE\xCC\xB8"},
{"NotGreaterTilde", "\xE2\x89\xB5"},
{"NotHumpDownHump", "\xE2\x89\x8E\xCC\xB8"},
{"NotHumpEqual", "\xE2\x89\x8F\xCC\xB8"},
{"NotLeftTriangle", "\xE2\x8B\xAA"},
{"NotLeftTriangleBar", "\xE2\xA7\x8F\xCC\xB8"},
{"NotLeftTriangleEqual", "\xE2\x8B\xAC"},
{"NotLess", "\xE2\x89\xAE"},
{"NotLessEqual", "\xE2\x89\xB0"},
{"NotLessGreater", "\xE2\x89\xB8"},
{"NotLessLess", "\xE2\x89\xAA\xCC\xB8"},
{"NotLessSlantEqual", "\xE2\xA9\xBD\xCC\xB8"},
{"NotLessTilde", "\xE2\x89\xB4"},
{"NotNestedGreaterGreater", "\xE2\xAA\xA2\xCC\xB8"},
{"NotNestedLessLess", "\xE2\xAA\xA1\xCC\xB8"},
{"NotPrecedes", "\xE2\x8A\x80"},
{"NotPrecedesEqual", "\xE2\xAA\xAF\xCC\xB8"},
{"NotPrecedesSlantEqual", "\xE2\x8B\xA0"},
{"NotReverseElement", "\xE2\x88\x8C"},
{"NotRightTriangle", "\xE2\x8B\xAB"},
{"NotRightTriangleBar", "\xE2\xA7\x90\xCC\xB8"},
{"NotRightTriangleEqual", "\xE2\x8B\xAD"},
{"NotSquareSubset", "\xE2\x8A\x8F\xCC\xB8"},
{"NotSquareSubsetEqual", "\xE2\x8B\xA2"},
{"NotSquareSuperset", "\xE2\x8A\x90\xCC\xB8"},
{"NotSquareSupersetEqual", "\xE2\x8B\xA3"},
{"NotSubset", "\xE2\x8A\x82\xE2\x83\x92"},
{"NotSubsetEqual", "\xE2\x8A\x88"},
{"NotSucceeds", "\xE2\x8A\x81"},
{"NotSucceedsEqual", "\xE2\xAA\xB0\xCC\xB8"},
{"NotSucceedsSlantEqual", "\xE2\x8B\xA1"},
{"NotSucceedsTilde", "\xE2\x89\xBF\xCC\xB8"},
{"NotSuperset", "\xE2\x8A\x83\xE2\x83\x92"},
{"NotSupersetEqual", "\xE2\x8A\x89"},
{"NotTilde", "\xE2\x89\x81"},
{"NotTildeEqual", "\xE2\x89\x84"},
{"NotTildeFullEqual", "\xE2\x89\x87"},
{"NotTildeTilde", "\xE2\x89\x89"},
{"NotVerticalBar", "\xE2\x88\xA4"},
{"Nscr", "\xF0\x9D\x92\xA9"},
{"Ntilde", "\xC3\x91"},
{"Nu", "\xCE\x9D"},
{"OElig", "\xC5\x92"},
{"Oacute", "\xC3\x93"},
{"Ocirc", "\xC3\x94"},
{"Ocy", "\xD0\x9E"},
{"Odblac", "\xC5\x90"},
{"Ofr", "\xF0\x9D\x94\x92"},
{"Ograve", "\xC3\x92"},
{"Omacr", "\xC5\x8C"},
{"Omega", "\xCE\xA9"},
{"Omicron", "\xCE\x9F"},
{"Oopf", "\xF0\x9D\x95\x86"},
{"OpenCurlyDoubleQuote", "\xE2\x80\x9C"},
{"OpenCurlyQuote", "\xE2\x80\x98"},
{"Or", "\xE2\xA9\x94"},
{"Oscr", "\xF0\x9D\x92\xAA"},
{"Oslash", "\xC3\x98"},
{"Otilde", "\xC3\x95"},
{"Otimes", "\xE2\xA8\xB7"},
{"Ouml", "\xC3\x96"},
{"OverBar", "\xE2\x80\xBE"},
{"OverBrace", "\xE2\x8F\x9E"},
{"OverBracket", "\xE2\x8E\xB4"},
{"OverParenthesis", "\xE2\x8F\x9C"},
{"PartialD", "\xE2\x88\x82"},
{"Pcy", "\xD0\x9F"},
{"Pfr", "\xF0\x9D\x94\x93"},
{"Phi", "\xCE\xA6"},
{"Pi", "\xCE\xA0"},
{"PlusMinus", "\xC2\xB1"},
{"Poincareplane", "\xE2\x84\x8C"},
{"Popf", "\xE2\x84\x99"},
{"Pr", "\xE2\xAA\xBB"},
{"Precedes", "\xE2\x89\xBA"},
{"PrecedesEqual", "\xE2\xAA\xAF"},
{"PrecedesSlantEqual", "\xE2\x89\xBC"},
{"PrecedesTilde", "\xE2\x89\xBE"},
{"Prime", "\xE2\x80\xB3"},
{"Product", "\xE2\x88\x8F"},
{"Proportion", "\xE2\x88\xB7"},
{"Proportional", "\xE2\x88\x9D"},
{"Pscr", "\xF0\x9D\x92\xAB"},
{"Psi", "\xCE\xA8"},
{"QUOT", "\x22"},
{"Qfr", "\xF0\x9D\x94\x94"},
{"Qopf", "\xE2\x84\x9A"},
{"Qscr", "\xF0\x9D\x92\xAC"},
{"RBarr", "\xE2\xA4\x90"},
{"REG", "\xC2\xAE"},
{"Racute", "\xC5\x94"},
{"Rang", "\xE2\x9F\xAB"},
{"Rarr", "\xE2\x86\xA0"},
{"Rarrtl", "\xE2\xA4\x96"},
{"Rcaron", "\xC5\x98"},
{"Rcedil", "\xC5\x96"},
{"Rcy", "\xD0\xA0"},
{"Re", "\xE2\x84\x9C"},
{"ReverseElement", "\xE2\x88\x8B"},
{"ReverseEquilibrium", "\xE2\x87\x8B"},
{"ReverseUpEquilibrium", "\xE2\xA5\xAF"},
{"Rfr", "\xE2\x84\x9C"},
{"Rho", "\xCE\xA1"},
{"RightAngleBracket", "\xE2\x9F\xA9"},
{"RightArrow", "\xE2\x86\x92"},
{"RightArrowBar", "\xE2\x87\xA5"},
{"RightArrowLeftArrow", "\xE2\x87\x84"},
{"RightCeiling", "\xE2\x8C\x89"},
{"RightDoubleBracket", "\xE2\x9F\xA7"},
{"RightDownTeeVector", "\xE2\xA5\x9D"},
{"RightDownVector", "\xE2\x87\x82"},
{"RightDownVectorBar", "\xE2\xA5\x95"},
{"RightFloor", "\xE2\x8C\x8B"},
{"RightTee", "\xE2\x8A\xA2"},
{"RightTeeArrow", "\xE2\x86\xA6"},
{"RightTeeVector", "\xE2\xA5\x9B"},
{"RightTriangle", "\xE2\x8A\xB3"},
{"RightTriangleBar", "\xE2\xA7\x90"},
{"RightTriangleEqual", "\xE2\x8A\xB5"},
{"RightUpDownVector", "\xE2\xA5\x8F"},
{"RightUpTeeVector", "\xE2\xA5\x9C"},
{"RightUpVector", "\xE2\x86\xBE"},
{"RightUpVectorBar", "\xE2\xA5\x94"},
{"RightVector", "\xE2\x87\x80"},
{"RightVectorBar", "\xE2\xA5\x93"},
{"Rightarrow", "\xE2\x87\x92"},
{"Ropf", "\xE2\x84\x9D"},
{"RoundImplies", "\xE2\xA5\xB0"},
{"Rrightarrow", "\xE2\x87\x9B"},
{"Rscr", "\xE2\x84\x9B"},
{"Rsh", "\xE2\x86\xB1"},
{"RuleDelayed", "\xE2\xA7\xB4"},
{"SHCHcy", "\xD0\xA9"},
{"SHcy", "\xD0\xA8"},
{"SOFTcy", "\xD0\xAC"},
{"Sacute", "\xC5\x9A"},
{"Sc", "\xE2\xAA\xBC"},
{"Scaron", "\xC5\xA0"},
{"Scedil", "\xC5\x9E"},
{"Scirc", "\xC5\x9C"},
{"Scy", "\xD0\xA1"},
{"Sfr", "\xF0\x9D\x94\x96"},
{"ShortDownArrow", "\xE2\x86\x93"},
{"ShortLeftArrow", "\xE2\x86\x90"},
{"ShortRightArrow", "\xE2\x86\x92"},
{"ShortUpArrow", "\xE2\x86\x91"},
{"Sigma", "\xCE\xA3"},
{"SmallCircle", "\xE2\x88\x98"},
{"Sopf", "\xF0\x9D\x95\x8A"},
{"Sqrt", "\xE2\x88\x9A"},
{"Square", "\xE2\x96\xA1"},
{"SquareIntersection", "\xE2\x8A\x93"},
{"SquareSubset", "\xE2\x8A\x8F"},
{"SquareSubsetEqual", "\xE2\x8A\x91"},
{"SquareSuperset", "\xE2\x8A\x90"},
{"SquareSupersetEqual", "\xE2\x8A\x92"},
{"SquareUnion", "\xE2\x8A\x94"},
{"Sscr", "\xF0\x9D\x92\xAE"},
{"Star", "\xE2\x8B\x86"},
{"Sub", "\xE2\x8B\x90"},
{"Subset", "\xE2\x8B\x90"},
{"SubsetEqual", "\xE2\x8A\x86"},
{"Succeeds", "\xE2\x89\xBB"},
{"SucceedsEqual", "\xE2\xAA\xB0"},
{"SucceedsSlantEqual", "\xE2\x89\xBD"},
{"SucceedsTilde", "\xE2\x89\xBF"},
{"SuchThat", "\xE2\x88\x8B"},
{"Sum", "\xE2\x88\x91"},
{"Sup", "\xE2\x8B\x91"},
{"Superset", "\xE2\x8A\x83"},
{"SupersetEqual", "\xE2\x8A\x87"},
{"Supset", "\xE2\x8B\x91"},
{"THORN", "\xC3\x9E"},
{"TRADE", "\xE2\x84\xA2"},
{"TSHcy", "\xD0\x8B"},
{"TScy", "\xD0\xA6"},
{"Tab", "\x09"},
{"Tau", "\xCE\xA4"},
{"Tcaron", "\xC5\xA4"},
{"Tcedil", "\xC5\xA2"},
{"Tcy", "\xD0\xA2"},
{"Tfr", "\xF0\x9D\x94\x97"},
{"Therefore", "\xE2\x88\xB4"},
{"Theta", "\xCE\x98"},
{"ThickSpace", "\xE2\x81\x9F\xE2\x80\x8A"},
{"ThinSpace", "\xE2\x80\x89"},
{"Tilde", "\xE2\x88\xBC"},
{"TildeEqual", "\xE2\x89\x83"},
{"TildeFullEqual", "\xE2\x89\x85"},
{"TildeTilde", "\xE2\x89\x88"},
{"Topf", "\xF0\x9D\x95\x8B"},
{"TripleDot", "\xE2\x83\x9B"},
{"Tscr", "\xF0\x9D\x92\xAF"},
{"Tstrok", "\xC5\xA6"},
{"Uacute", "\xC3\x9A"},
{"Uarr", "\xE2\x86\x9F"},
{"Uarrocir", "\xE2\xA5\x89"},
{"Ubrcy", "\xD0\x8E"},
{"Ubreve", "\xC5\xAC"},
{"Ucirc", "\xC3\x9B"},
{"Ucy", "\xD0\xA3"},
{"Udblac", "\xC5\xB0"},
{"Ufr", "\xF0\x9D\x94\x98"},
{"Ugrave", "\xC3\x99"},
{"Umacr", "\xC5\xAA"},
{"UnderBar", "_"},
{"UnderBrace", "\xE2\x8F\x9F"},
{"UnderBracket", "\xE2\x8E\xB5"},
{"UnderParenthesis", "\xE2\x8F\x9D"},
{"Union", "\xE2\x8B\x83"},
{"UnionPlus", "\xE2\x8A\x8E"},
{"Uogon", "\xC5\xB2"},
{"Uopf", "\xF0\x9D\x95\x8C"},
{"UpArrow", "\xE2\x86\x91"},
{"UpArrowBar", "\xE2\xA4\x92"},
{"UpArrowDownArrow", "\xE2\x87\x85"},
{"UpDownArrow", "\xE2\x86\x95"},
{"UpEquilibrium", "\xE2\xA5\xAE"},
{"UpTee", "\xE2\x8A\xA5"},
{"UpTeeArrow", "\xE2\x86\xA5"},
{"Uparrow", "\xE2\x87\x91"},
{"Updownarrow", "\xE2\x87\x95"},
{"UpperLeftArrow", "\xE2\x86\x96"},
{"UpperRightArrow", "\xE2\x86\x97"},
{"Upsi", "\xCF\x92"},
{"Upsilon", "\xCE\xA5"},
{"Uring", "\xC5\xAE"},
{"Uscr", "\xF0\x9D\x92\xB0"},
{"Utilde", "\xC5\xA8"},
{"Uuml", "\xC3\x9C"},
{"VDash", "\xE2\x8A\xAB"},
{"Vbar", "\xE2\xAB\xAB"},
{"Vcy", "\xD0\x92"},
{"Vdash", "\xE2\x8A\xA9"},
{"Vdashl", "\xE2\xAB\xA6"},
{"Vee", "\xE2\x8B\x81"},
{"Verbar", "\xE2\x80\x96"},
{"Vert", "\xE2\x80\x96"},
{"VerticalBar", "\xE2\x88\xA3"},
{"VerticalLine", "|"},
{"VerticalSeparator", "\xE2\x9D\x98"},
{"VerticalTilde", "\xE2\x89\x80"},
{"VeryThinSpace", "\xE2\x80\x8A"},
{"Vfr", "\xF0\x9D\x94\x99"},
{"Vopf", "\xF0\x9D\x95\x8D"},
{"Vscr", "\xF0\x9D\x92\xB1"},
{"Vvdash", "\xE2\x8A\xAA"},
{"Wcirc", "\xC5\xB4"},
{"Wedge", "\xE2\x8B\x80"},
{"Wfr", "\xF0\x9D\x94\x9A"},
{"Wopf", "\xF0\x9D\x95\x8E"},
{"Wscr", "\xF0\x9D\x92\xB2"},
{"Xfr", "\xF0\x9D\x94\x9B"},
{"Xi", "\xCE\x9E"},
{"Xopf", "\xF0\x9D\x95\x8F"},
{"Xscr", "\xF0\x9D\x92\xB3"},
{"YAcy", "\xD0\xAF"},
{"YIcy", "\xD0\x87"},
{"YUcy", "\xD0\xAE"},
{"Yacute", "\xC3\x9D"},
{"Ycirc", "\xC5\xB6"},
{"Ycy", "\xD0\xAB"},
{"Yfr", "\xF0\x9D\x94\x9C"},
{"Yopf", "\xF0\x9D\x95\x90"},
{"Yscr", "\xF0\x9D\x92\xB4"},
{"Yuml", "\xC5\xB8"},
{"ZHcy", "\xD0\x96"},
{"Zacute", "\xC5\xB9"},
{"Zcaron", "\xC5\xBD"},
{"Zcy", "\xD0\x97"},
{"Zdot", "\xC5\xBB"},
{"ZeroWidthSpace", "\xE2\x80\x8B"},
{"Zeta", "\xCE\x96"},
{"Zfr", "\xE2\x84\xA8"},
{"Zopf", "\xE2\x84\xA4"},
{"Zscr", "\xF0\x9D\x92\xB5"},
{"aacute", "\xC3\xA1"},
{"abreve", "\xC4\x83"},
{"ac", "\xE2\x88\xBE"},
{"acE", "\xE2\x88\xBE\xCC\xB3"},
{"acd", "\xE2\x88\xBF"},
{"acirc", "\xC3\xA2"},
{"acute", "\xC2\xB4"},
{"acy", "\xD0\xB0"},
{"aelig", "\xC3\xA6"},
{"af", "\xE2\x81\xA1"},
{"afr", "\xF0\x9D\x94\x9E"},
{"agrave", "\xC3\xA0"},
{"alefsym", "\xE2\x84\xB5"},
{"aleph", "\xE2\x84\xB5"},
{"alpha", "\xCE\xB1"},
{"amacr", "\xC4\x81"},
{"amalg", "\xE2\xA8\xBF"},
{"amp", "&"},
{"and", "\xE2\x88\xA7"},
{"andand", "\xE2\xA9\x95"},
{"andd", "\xE2\xA9\x9C"},
{"andslope", "\xE2\xA9\x98"},
{"andv", "\xE2\xA9\x9A"},
{"ang", "\xE2\x88\xA0"},
{"ange", "\xE2\xA6\xA4"},
{"angle", "\xE2\x88\xA0"},
{"angmsd", "\xE2\x88\xA1"},
{"angmsdaa", "\xE2\xA6\xA8"},
{"angmsdab", "\xE2\xA6\xA9"},
{"angmsdac", "\xE2\xA6\xAA"},
{"angmsdad", "\xE2\xA6\xAB"},
{"angmsdae", "\xE2\xA6\xAC"},
{"angmsdaf", "\xE2\xA6\xAD"},
{"angmsdag", "\xE2\xA6\xAE"},
{"angmsdah", "\xE2\xA6\xAF"},
{"angrt", "\xE2\x88\x9F"},
{"angrtvb", "\xE2\x8A\xBE"},
{"angrtvbd", "\xE2\xA6\x9D"},
{"angsph", "\xE2\x88\xA2"},
{"angst", "\xC3\x85"},
{"angzarr", "\xE2\x8D\xBC"},
{"aogon", "\xC4\x85"},
{"aopf", "\xF0\x9D\x95\x92"},
{"ap", "\xE2\x89\x88"},
{"apE", "\xE2\xA9\xB0"},
{"apacir", "\xE2\xA9\xAF"},
{"ape", "\xE2\x89\x8A"},
{"apid", "\xE2\x89\x8B"},
{"apos", "'"},
{"approx", "\xE2\x89\x88"},
{"approxeq", "\xE2\x89\x8A"},
{"aring", "\xC3\xA5"},
{"ascr", "\xF0\x9D\x92\xB6"},
{"ast", "*"},
{"asymp", "\xE2\x89\x88"},
{"asympeq", "\xE2\x89\x8D"},
{"atilde", "\xC3\xA3"},
{"auml", "\xC3\xA4"},
{"awconint", "\xE2\x88\xB3"},
{"awint", "\xE2\xA8\x91"},
{"bNot", "\xE2\xAB\xAD"},
{"backcong", "\xE2\x89\x8C"},
{"backepsilon", "\xCF\xB6"},
{"backprime", "\xE2\x80\xB5"},
{"backsim", "\xE2\x88\xBD"},
{"backsimeq", "\xE2\x8B\x8D"},
{"barvee", "\xE2\x8A\xBD"},
{"barwed", "\xE2\x8C\x85"},
{"barwedge", "\xE2\x8C\x85"},
{"bbrk", "\xE2\x8E\xB5"},
{"bbrktbrk", "\xE2\x8E\xB6"},
{"bcong", "\xE2\x89\x8C"},
{"bcy", "\xD0\xB1"},
{"bdquo", "\xE2\x80\x9E"},
{"becaus", "\xE2\x88\xB5"},
{"because", "\xE2\x88\xB5"},
{"bemptyv", "\xE2\xA6\xB0"},
{"bepsi", "\xCF\xB6"},
{"bernou", "\xE2\x84\xAC"},
{"beta", "\xCE\xB2"},
{"beth", "\xE2\x84\xB6"},
{"between", "\xE2\x89\xAC"},
{"bfr", "\xF0\x9D\x94\x9F"},
{"bigcap", "\xE2\x8B\x82"},
{"bigcirc", "\xE2\x97\xAF"},
{"bigcup", "\xE2\x8B\x83"},
{"bigodot", "\xE2\xA8\x80"},
{"bigoplus", "\xE2\xA8\x81"},
{"bigotimes", "\xE2\xA8\x82"},
{"bigsqcup", "\xE2\xA8\x86"},
{"bigstar", "\xE2\x98\x85"},
{"bigtriangledown", "\xE2\x96\xBD"},
{"bigtriangleup", "\xE2\x96\xB3"},
{"biguplus", "\xE2\xA8\x84"},
{"bigvee", "\xE2\x8B\x81"},
{"bigwedge", "\xE2\x8B\x80"},
{"bkarow", "\xE2\xA4\x8D"},
{"blacklozenge", "\xE2\xA7\xAB"},
{"blacksquare", "\xE2\x96\xAA"},
{"blacktriangle", "\xE2\x96\xB4"},
{"blacktriangledown", "\xE2\x96\xBE"},
{"blacktriangleleft", "\xE2\x97\x82"},
{"blacktriangleright", "\xE2\x96\xB8"},
{"blank", "\xE2\x90\xA3"},
{"blk12", "\xE2\x96\x92"},
{"blk14", "\xE2\x96\x91"},
{"blk34", "\xE2\x96\x93"},
{"block", "\xE2\x96\x88"},
{"bne", "=\xE2\x83\xA5"},
{"bnequiv", "\xE2\x89\xA1\xE2\x83\xA5"},
{"bnot", "\xE2\x8C\x90"},
{"bopf", "\xF0\x9D\x95\x93"},
{"bot", "\xE2\x8A\xA5"},
{"bottom", "\xE2\x8A\xA5"},
{"bowtie", "\xE2\x8B\x88"},
{"boxDL", "\xE2\x95\x97"},
{"boxDR", "\xE2\x95\x94"},
{"boxDl", "\xE2\x95\x96"},
{"boxDr", "\xE2\x95\x93"},
{"boxH", "\xE2\x95\x90"},
{"boxHD", "\xE2\x95\xA6"},
{"boxHU", "\xE2\x95\xA9"},
{"boxHd", "\xE2\x95\xA4"},
{"boxHu", "\xE2\x95\xA7"},
{"boxUL", "\xE2\x95\x9D"},
{"boxUR", "\xE2\x95\x9A"},
{"boxUl", "\xE2\x95\x9C"},
{"boxUr", "\xE2\x95\x99"},
{"boxV", "\xE2\x95\x91"},
{"boxVH", "\xE2\x95\xAC"},
{"boxVL", "\xE2\x95\xA3"},
{"boxVR", "\xE2\x95\xA0"},
{"boxVh", "\xE2\x95\xAB"},
{"boxVl", "\xE2\x95\xA2"},
{"boxVr", "\xE2\x95\x9F"},
{"boxbox", "\xE2\xA7\x89"},
{"boxdL", "\xE2\x95\x95"},
{"boxdR", "\xE2\x95\x92"},
{"boxdl", "\xE2\x94\x90"},
{"boxdr", "\xE2\x94\x8C"},
{"boxh", "\xE2\x94\x80"},
{"boxhD", "\xE2\x95\xA5"},
{"boxhU", "\xE2\x95\xA8"},
{"boxhd", "\xE2\x94\xAC"},
{"boxhu", "\xE2\x94\xB4"},
{"boxminus", "\xE2\x8A\x9F"},
{"boxplus", "\xE2\x8A\x9E"},
{"boxtimes", "\xE2\x8A\xA0"},
{"boxuL", "\xE2\x95\x9B"},
{"boxuR", "\xE2\x95\x98"},
{"boxul", "\xE2\x94\x98"},
{"boxur", "\xE2\x94\x94"},
{"boxv", "\xE2\x94\x82"},
{"boxvH", "\xE2\x95\xAA"},
{"boxvL", "\xE2\x95\xA1"},
{"boxvR", "\xE2\x95\x9E"},
{"boxvh", "\xE2\x94\xBC"},
{"boxvl", "\xE2\x94\xA4"},
{"boxvr", "\xE2\x94\x9C"},
{"bprime", "\xE2\x80\xB5"},
{"breve", "\xCB\x98"},
{"brvbar", "\xC2\xA6"},
{"bscr", "\xF0\x9D\x92\xB7"},
{"bsemi", "\xE2\x81\x8F"},
{"bsim", "\xE2\x88\xBD"},
{"bsime", "\xE2\x8B\x8D"},
{"bsol", "\x5C"},
{"bsolb", "\xE2\xA7\x85"},
{"bsolhsub", "\xE2\x9F\x88"},
{"bull", "\xE2\x80\xA2"},
{"bullet", "\xE2\x80\xA2"},
{"bump", "\xE2\x89\x8E"},
{"bumpE", "\xE2\xAA\xAE"},
{"bumpe", "\xE2\x89\x8F"},
{"bumpeq", "\xE2\x89\x8F"},
{"cacute", "\xC4\x87"},
{"cap", "\xE2\x88\xA9"},
{"capand", "\xE2\xA9\x84"},
{"capbrcup", "\xE2\xA9\x89"},
{"capcap", "\xE2\xA9\x8B"},
{"capcup", "\xE2\xA9\x87"},
{"capdot", "\xE2\xA9\x80"},
{"caps", "\xE2\x88\xA9\xEF\xB8\x80"},
{"caret", "\xE2\x81\x81"},
{"caron", "\xCB\x87"},
{"ccaps", "\xE2\xA9\x8D"},
{"ccaron", "\xC4\x8D"},
{"ccedil", "\xC3\xA7"},
{"ccirc", "\xC4\x89"},
{"ccups", "\xE2\xA9\x8C"},
{"ccupssm", "\xE2\xA9\x90"},
{"cdot", "\xC4\x8B"},
{"cedil", "\xC2\xB8"},
{"cemptyv", "\xE2\xA6\xB2"},
{"cent", "\xC2\xA2"},
{"centerdot", "\xC2\xB7"},
{"cfr", "\xF0\x9D\x94\xA0"},
{"chcy", "\xD1\x87"},
{"check", "\xE2\x9C\x93"},
{"checkmark", "\xE2\x9C\x93"},
{"chi", "\xCF\x87"},
{"cir", "\xE2\x97\x8B"},
{"cirE", "\xE2\xA7\x83"},
{"circ", "\xCB\x86"},
{"circeq", "\xE2\x89\x97"},
{"circlearrowleft", "\xE2\x86\xBA"},
{"circlearrowright", "\xE2\x86\xBB"},
{"circledR", "\xC2\xAE"},
{"circledS", "\xE2\x93\x88"},
{"circledast", "\xE2\x8A\x9B"},
{"circledcirc", "\xE2\x8A\x9A"},
{"circleddash", "\xE2\x8A\x9D"},
{"cire", "\xE2\x89\x97"},
{"cirfnint", "\xE2\xA8\x90"},
{"cirmid", "\xE2\xAB\xAF"},
{"cirscir", "\xE2\xA7\x82"},
{"clubs", "\xE2\x99\xA3"},
{"clubsuit", "\xE2\x99\xA3"},
{"colon", ":"},
{"colone", "\xE2\x89\x94"},
{"coloneq", "\xE2\x89\x94"},
{"comma", ","},
{"commat", "@"},
{"comp", "\xE2\x88\x81"},
{"compfn", "\xE2\x88\x98"},
{"complement", "\xE2\x88\x81"},
{"complexes", "\xE2\x84\x82"},
{"cong", "\xE2\x89\x85"},
{"congdot", "\xE2\xA9\xAD"},
{"conint", "\xE2\x88\xAE"},
{"copf", "\xF0\x9D\x95\x94"},
{"coprod", "\xE2\x88\x90"},
{"copy", "\xC2\xA9"},
{"copysr", "\xE2\x84\x97"},
{"crarr", "\xE2\x86\xB5"},
{"cross", "\xE2\x9C\x97"},
{"cscr", "\xF0\x9D\x92\xB8"},
{"csub", "\xE2\xAB\x8F"},
{"csube", "\xE2\xAB\x91"},
{"csup", "\xE2\xAB\x90"},
{"csupe", "\xE2\xAB\x92"},
{"ctdot", "\xE2\x8B\xAF"},
{"cudarrl", "\xE2\xA4\xB8"},
{"cudarrr", "\xE2\xA4\xB5"},
{"cuepr", "\xE2\x8B\x9E"},
{"cuesc", "\xE2\x8B\x9F"},
{"cularr", "\xE2\x86\xB6"},
{"cularrp", "\xE2\xA4\xBD"},
{"cup", "\xE2\x88\xAA"},
{"cupbrcap", "\xE2\xA9\x88"},
{"cupcap", "\xE2\xA9\x86"},
{"cupcup", "\xE2\xA9\x8A"},
{"cupdot", "\xE2\x8A\x8D"},
{"cupor", "\xE2\xA9\x85"},
{"cups", "\xE2\x88\xAA\xEF\xB8\x80"},
{"curarr", "\xE2\x86\xB7"},
{"curarrm", "\xE2\xA4\xBC"},
{"curlyeqprec", "\xE2\x8B\x9E"},
{"curlyeqsucc", "\xE2\x8B\x9F"},
{"curlyvee", "\xE2\x8B\x8E"},
{"curlywedge", "\xE2\x8B\x8F"},
{"curren", "\xC2\xA4"},
{"curvearrowleft", "\xE2\x86\xB6"},
{"curvearrowright", "\xE2\x86\xB7"},
{"cuvee", "\xE2\x8B\x8E"},
{"cuwed", "\xE2\x8B\x8F"},
{"cwconint", "\xE2\x88\xB2"},
{"cwint", "\xE2\x88\xB1"},
{"cylcty", "\xE2\x8C\xAD"},
{"dArr", "\xE2\x87\x93"},
{"dHar", "\xE2\xA5\xA5"},
{"dagger", "\xE2\x80\xA0"},
{"daleth", "\xE2\x84\xB8"},
{"darr", "\xE2\x86\x93"},
{"dash", "\xE2\x80\x90"},
{"dashv", "\xE2\x8A\xA3"},
{"dbkarow", "\xE2\xA4\x8F"},
{"dblac", "\xCB\x9D"},
{"dcaron", "\xC4\x8F"},
{"dcy", "\xD0\xB4"},
{"dd", "\xE2\x85\x86"},
{"ddagger", "\xE2\x80\xA1"},
{"ddarr", "\xE2\x87\x8A"},
{"ddotseq", "\xE2\xA9\xB7"},
{"deg", "\xC2\xB0"},
{"delta", "\xCE\xB4"},
{"demptyv", "\xE2\xA6\xB1"},
{"dfisht", "\xE2\xA5\xBF"},
{"dfr", "\xF0\x9D\x94\xA1"},
{"dharl", "\xE2\x87\x83"},
{"dharr", "\xE2\x87\x82"},
{"diam", "\xE2\x8B\x84"},
{"diamond", "\xE2\x8B\x84"},
{"diamondsuit", "\xE2\x99\xA6"},
{"diams", "\xE2\x99\xA6"},
{"die", "\xC2\xA8"},
{"digamma", "\xCF\x9D"},
{"disin", "\xE2\x8B\xB2"},
{"div", "\xC3\xB7"},
{"divide", "\xC3\xB7"},
{"divideontimes", "\xE2\x8B\x87"},
{"divonx", "\xE2\x8B\x87"},
{"djcy", "\xD1\x92"},
{"dlcorn", "\xE2\x8C\x9E"},
{"dlcrop", "\xE2\x8C\x8D"},
{"dollar", "$"},
{"dopf", "\xF0\x9D\x95\x95"},
{"dot", "\xCB\x99"},
{"doteq", "\xE2\x89\x90"},
{"doteqdot", "\xE2\x89\x91"},
{"dotminus", "\xE2\x88\xB8"},
{"dotplus", "\xE2\x88\x94"},
{"dotsquare", "\xE2\x8A\xA1"},
{"doublebarwedge", "\xE2\x8C\x86"},
{"downarrow", "\xE2\x86\x93"},
{"downdownarrows", "\xE2\x87\x8A"},
{"downharpoonleft", "\xE2\x87\x83"},
{"downharpoonright", "\xE2\x87\x82"},
{"drbkarow", "\xE2\xA4\x90"},
{"drcorn", "\xE2\x8C\x9F"},
{"drcrop", "\xE2\x8C\x8C"},
{"dscr", "\xF0\x9D\x92\xB9"},
{"dscy", "\xD1\x95"},
{"dsol", "\xE2\xA7\xB6"},
{"dstrok", "\xC4\x91"},
{"dtdot", "\xE2\x8B\xB1"},
{"dtri", "\xE2\x96\xBF"},
{"dtrif", "\xE2\x96\xBE"},
{"duarr", "\xE2\x87\xB5"},
{"duhar", "\xE2\xA5\xAF"},
{"dwangle", "\xE2\xA6\xA6"},
{"dzcy", "\xD1\x9F"},
{"dzigrarr", "\xE2\x9F\xBF"},
{"eDDot", "\xE2\xA9\xB7"},
{"eDot", "\xE2\x89\x91"},
{"eacute", "\xC3\xA9"},
{"easter", "\xE2\xA9\xAE"},
{"ecaron", "\xC4\x9B"},
{"ecir", "\xE2\x89\x96"},
{"ecirc", "\xC3\xAA"},
{"ecolon", "\xE2\x89\x95"},
{"ecy", "\xD1\x8D"},
{"edot", "\xC4\x97"},
{"ee", "\xE2\x85\x87"},
{"efDot", "\xE2\x89\x92"},
{"efr", "\xF0\x9D\x94\xA2"},
{"eg", "\xE2\xAA\x9A"},
{"egrave", "\xC3\xA8"},
{"egs", "\xE2\xAA\x96"},
{"egsdot", "\xE2\xAA\x98"},
{"el", "\xE2\xAA\x99"},
{"elinters", "\xE2\x8F\xA7"},
{"ell", "\xE2\x84\x93"},
{"els", "\xE2\xAA\x95"},
{"elsdot", "\xE2\xAA\x97"},
{"emacr", "\xC4\x93"},
{"empty", "\xE2\x88\x85"},
{"emptyset", "\xE2\x88\x85"},
{"emptyv", "\xE2\x88\x85"},
{"emsp", "\xE2\x80\x83"},
{"emsp13", "\xE2\x80\x84"},
{"emsp14", "\xE2\x80\x85"},
{"eng", "\xC5\x8B"},
{"ensp", "\xE2\x80\x82"},
{"eogon", "\xC4\x99"},
{"eopf", "\xF0\x9D\x95\x96"},
{"epar", "\xE2\x8B\x95"},
{"eparsl", "\xE2\xA7\xA3"},
{"eplus", "\xE2\xA9\xB1"},
{"epsi", "\xCE\xB5"},
{"epsilon", "\xCE\xB5"},
{"epsiv", "\xCF\xB5"},
{"eqcirc", "\xE2\x89\x96"},
{"eqcolon", "\xE2\x89\x95"},
{"eqsim", "\xE2\x89\x82"},
{"eqslantgtr", "\xE2\xAA\x96"},
{"eqslantless", "\xE2\xAA\x95"},
{"equals", "="},
{"equest", "\xE2\x89\x9F"},
{"equiv", "\xE2\x89\xA1"},
{"equivDD", "\xE2\xA9\xB8"},
{"eqvparsl", "\xE2\xA7\xA5"},
{"erDot", "\xE2\x89\x93"},
{"erarr", "\xE2\xA5\xB1"},
{"escr", "\xE2\x84\xAF"},
{"esdot", "\xE2\x89\x90"},
{"esim", "\xE2\x89\x82"},
{"eta", "\xCE\xB7"},
{"eth", "\xC3\xB0"},
{"euml", "\xC3\xAB"},
{"euro", "\xE2\x82\xAC"},
{"excl", "!"},
{"exist", "\xE2\x88\x83"},
{"expectation", "\xE2\x84\xB0"},
{"exponentiale", "\xE2\x85\x87"},
{"fallingdotseq", "\xE2\x89\x92"},
{"fcy", "\xD1\x84"},
{"female", "\xE2\x99\x80"},
{"ffilig", "\xEF\xAC\x83"},
{"fflig", "\xEF\xAC\x80"},
{"ffllig", "\xEF\xAC\x84"},
{"ffr", "\xF0\x9D\x94\xA3"},
{"filig", "\xEF\xAC\x81"},
{"fjlig", "fj"},
{"flat", "\xE2\x99\xAD"},
{"fllig", "\xEF\xAC\x82"},
{"fltns", "\xE2\x96\xB1"},
{"fnof", "\xC6\x92"},
{"fopf", "\xF0\x9D\x95\x97"},
{"forall", "\xE2\x88\x80"},
{"fork", "\xE2\x8B\x94"},
{"forkv", "\xE2\xAB\x99"},
{"fpartint", "\xE2\xA8\x8D"},
{"frac12", "\xC2\xBD"},
{"frac13", "\xE2\x85\x93"},
{"frac14", "\xC2\xBC"},
{"frac15", "\xE2\x85\x95"},
{"frac16", "\xE2\x85\x99"},
{"frac18", "\xE2\x85\x9B"},
{"frac23", "\xE2\x85\x94"},
{"frac25", "\xE2\x85\x96"},
{"frac34", "\xC2\xBE"},
{"frac35", "\xE2\x85\x97"},
{"frac38", "\xE2\x85\x9C"},
{"frac45", "\xE2\x85\x98"},
{"frac56", "\xE2\x85\x9A"},
{"frac58", "\xE2\x85\x9D"},
{"frac78", "\xE2\x85\x9E"},
{"frasl", "\xE2\x81\x84"},
{"frown", "\xE2\x8C\xA2"},
{"fscr", "\xF0\x9D\x92\xBB"},
{"gE", "\xE2\x89\xA7"},
{"gEl", "\xE2\xAA\x8C"},
{"gacute", "\xC7\xB5"},
{"gamma", "\xCE\xB3"},
{"gammad", "\xCF\x9D"},
{"gap", "\xE2\xAA\x86"},
{"gbreve", "\xC4\x9F"},
{"gcirc", "\xC4\x9D"},
{"gcy", "\xD0\xB3"},
{"gdot", "\xC4\xA1"},
{"ge", "\xE2\x89\xA5"},
{"gel", "\xE2\x8B\x9B"},
{"geq", "\xE2\x89\xA5"},
{"geqq", "\xE2\x89\xA7"},
{"geqslant", "\xE2\xA9\xBE"},
{"ges", "\xE2\xA9\xBE"},
{"gescc", "\xE2\xAA\xA9"},
{"gesdot", "\xE2\xAA\x80"},
{"gesdoto", "\xE2\xAA\x82"},
{"gesdotol", "\xE2\xAA\x84"},
{"gesl", "\xE2\x8B\x9B\xEF\xB8\x80"},
{"gesles", "\xE2\xAA\x94"},
{"gfr", "\xF0\x9D\x94\xA4"},
{"gg", "\xE2\x89\xAB"},
{"ggg", "\xE2\x8B\x99"},
{"gimel", "\xE2\x84\xB7"},
{"gjcy", "\xD1\x93"},
{"gl", "\xE2\x89\xB7"},
{"glE", "\xE2\xAA\x92"},
{"gla", "\xE2\xAA\xA5"},
{"glj", "\xE2\xAA\xA4"},
{"gnE", "\xE2\x89\xA9"},
{"gnap", "\xE2\xAA\x8A"},
{"gnapprox", "\xE2\xAA\x8A"},
{"gne", "\xE2\xAA\x88"},
{"gneq", "\xE2\xAA\x88"},
{"gneqq", "\xE2\x89\xA9"},
{"gnsim", "\xE2\x8B\xA7"},
{"gopf", "\xF0\x9D\x95\x98"},
{"grave", "`"},
{"gscr", "\xE2\x84\x8A"},
{"gsim", "\xE2\x89\xB3"},
{"gsime", "\xE2\xAA\x8E"},
{"gsiml", "\xE2\xAA\x90"},
{"gt", ">"},
{"gtcc", "\xE2\xAA\xA7"},
{"gtcir", "\xE2\xA9\xBA"},
{"gtdot", "\xE2\x8B\x97"},
{"gtlPar", "\xE2\xA6\x95"},
{"gtquest", "\xE2\xA9\xBC"},
{"gtrapprox", "\xE2\xAA\x86"},
{"gtrarr", "\xE2\xA5\xB8"},
{"gtrdot", "\xE2\x8B\x97"},
{"gtreqless", "\xE2\x8B\x9B"},
{"gtreqqless", "\xE2\xAA\x8C"},
{"gtrless", "\xE2\x89\xB7"},
{"gtrsim", "\xE2\x89\xB3"},
{"gvertneqq", "\xE2\x89\xA9\xEF\xB8\x80"},
{"gvnE", "\xE2\x89\xA9\xEF\xB8\x80"},
{"hArr", "\xE2\x87\x94"},
{"hairsp", "\xE2\x80\x8A"},
{"half", "\xC2\xBD"},
{"hamilt", "\xE2\x84\x8B"},
{"hardcy", "\xD1\x8A"},
{"harr", "\xE2\x86\x94"},
{"harrcir", "\xE2\xA5\x88"},
{"harrw", "\xE2\x86\xAD"},
{"hbar", "\xE2\x84\x8F"},
{"hcirc", "\xC4\xA5"},
{"hearts", "\xE2\x99\xA5"},
{"heartsuit", "\xE2\x99\xA5"},
{"hellip", "\xE2\x80\xA6"},
{"hercon", "\xE2\x8A\xB9"},
{"hfr", "\xF0\x9D\x94\xA5"},
{"hksearow", "\xE2\xA4\xA5"},
{"hkswarow", "\xE2\xA4\xA6"},
{"hoarr", "\xE2\x87\xBF"},
{"homtht", "\xE2\x88\xBB"},
{"hookleftarrow", "\xE2\x86\xA9"},
{"hookrightarrow", "\xE2\x86\xAA"},
{"hopf", "\xF0\x9D\x95\x99"},
{"horbar", "\xE2\x80\x95"},
{"hscr", "\xF0\x9D\x92\xBD"},
{"hslash", "\xE2\x84\x8F"},
{"hstrok", "\xC4\xA7"},
{"hybull", "\xE2\x81\x83"},
{"hyphen", "\xE2\x80\x90"},
{"iacute", "\xC3\xAD"},
{"ic", "\xE2\x81\xA3"},
{"icirc", "\xC3\xAE"},
{"icy", "\xD0\xB8"},
{"iecy", "\xD0\xB5"},
{"iexcl", "\xC2\xA1"},
{"iff", "\xE2\x87\x94"},
{"ifr", "\xF0\x9D\x94\xA6"},
{"igrave", "\xC3\xAC"},
{"ii", "\xE2\x85\x88"},
{"iiiint", "\xE2\xA8\x8C"},
{"iiint", "\xE2\x88\xAD"},
{"iinfin", "\xE2\xA7\x9C"},
{"iiota", "\xE2\x84\xA9"},
{"ijlig", "\xC4\xB3"},
{"imacr", "\xC4\xAB"},
{"image", "\xE2\x84\x91"},
{"imagline", "\xE2\x84\x90"},
{"imagpart", "\xE2\x84\x91"},
{"imath", "\xC4\xB1"},
{"imof", "\xE2\x8A\xB7"},
{"imped", "\xC6\xB5"},
{"in", "\xE2\x88\x88"},
{"incare", "\xE2\x84\x85"},
{"infin", "\xE2\x88\x9E"},
{"infintie", "\xE2\xA7\x9D"},
{"inodot", "\xC4\xB1"},
{"int", "\xE2\x88\xAB"},
{"intcal", "\xE2\x8A\xBA"},
{"integers", "\xE2\x84\xA4"},
{"intercal", "\xE2\x8A\xBA"},
{"intlarhk", "\xE2\xA8\x97"},
{"intprod", "\xE2\xA8\xBC"},
{"iocy", "\xD1\x91"},
{"iogon", "\xC4\xAF"},
{"iopf", "\xF0\x9D\x95\x9A"},
{"iota", "\xCE\xB9"},
{"iprod", "\xE2\xA8\xBC"},
{"iquest", "\xC2\xBF"},
{"iscr", "\xF0\x9D\x92\xBE"},
{"isin", "\xE2\x88\x88"},
{"isinE", "\xE2\x8B\xB9"},
{"isindot", "\xE2\x8B\xB5"},
{"isins", "\xE2\x8B\xB4"},
{"isinsv", "\xE2\x8B\xB3"},
{"isinv", "\xE2\x88\x88"},
{"it", "\xE2\x81\xA2"},
{"itilde", "\xC4\xA9"},
{"iukcy", "\xD1\x96"},
{"iuml", "\xC3\xAF"},
{"jcirc", "\xC4\xB5"},
{"jcy", "\xD0\xB9"},
{"jfr", "\xF0\x9D\x94\xA7"},
{"jmath", "\xC8\xB7"},
{"jopf", "\xF0\x9D\x95\x9B"},
{"jscr", "\xF0\x9D\x92\xBF"},
{"jsercy", "\xD1\x98"},
{"jukcy", "\xD1\x94"},
{"kappa", "\xCE\xBA"},
{"kappav", "\xCF\xB0"},
{"kcedil", "\xC4\xB7"},
{"kcy", "\xD0\xBA"},
{"kfr", "\xF0\x9D\x94\xA8"},
{"kgreen", "\xC4\xB8"},
{"khcy", "\xD1\x85"},
{"kjcy", "\xD1\x9C"},
{"kopf", "\xF0\x9D\x95\x9C"},
{"kscr", "\xF0\x9D\x93\x80"},
{"lAarr", "\xE2\x87\x9A"},
{"lArr", "\xE2\x87\x90"},
{"lAtail", "\xE2\xA4\x9B"},
{"lBarr", "\xE2\xA4\x8E"},
{"lE", "\xE2\x89\xA6"},
{"lEg", "\xE2\xAA\x8B"},
{"lHar", "\xE2\xA5\xA2"},
{"lacute", "\xC4\xBA"},
{"laemptyv", "\xE2\xA6\xB4"},
{"lagran", "\xE2\x84\x92"},
{"lambda", "\xCE\xBB"},
{"lang", "\xE2\x9F\xA8"},
{"langd", "\xE2\xA6\x91"},
{"langle", "\xE2\x9F\xA8"},
{"lap", "\xE2\xAA\x85"},
{"laquo", "\xC2\xAB"},
{"larr", "\xE2\x86\x90"},
{"larrb", "\xE2\x87\xA4"},
{"larrbfs", "\xE2\xA4\x9F"},
{"larrfs", "\xE2\xA4\x9D"},
{"larrhk", "\xE2\x86\xA9"},
{"larrlp", "\xE2\x86\xAB"},
{"larrpl", "\xE2\xA4\xB9"},
{"larrsim", "\xE2\xA5\xB3"},
{"larrtl", "\xE2\x86\xA2"},
{"lat", "\xE2\xAA\xAB"},
{"latail", "\xE2\xA4\x99"},
{"late", "\xE2\xAA\xAD"},
{"lates", "\xE2\xAA\xAD\xEF\xB8\x80"},
{"lbarr", "\xE2\xA4\x8C"},
{"lbbrk", "\xE2\x9D\xB2"},
{"lbrace", "{"},
{"lbrack", "["},
{"lbrke", "\xE2\xA6\x8B"},
{"lbrksld", "\xE2\xA6\x8F"},
{"lbrkslu", "\xE2\xA6\x8D"},
{"lcaron", "\xC4\xBE"},
{"lcedil", "\xC4\xBC"},
{"lceil", "\xE2\x8C\x88"},
{"lcub", "{"},
{"lcy", "\xD0\xBB"},
{"ldca", "\xE2\xA4\xB6"},
{"ldquo", "\xE2\x80\x9C"},
{"ldquor", "\xE2\x80\x9E"},
{"ldrdhar", "\xE2\xA5\xA7"},
{"ldrushar", "\xE2\xA5\x8B"},
{"ldsh", "\xE2\x86\xB2"},
{"le", "\xE2\x89\xA4"},
{"leftarrow", "\xE2\x86\x90"},
{"leftarrowtail", "\xE2\x86\xA2"},
{"leftharpoondown", "\xE2\x86\xBD"},
{"leftharpoonup", "\xE2\x86\xBC"},
{"leftleftarrows", "\xE2\x87\x87"},
{"leftrightarrow", "\xE2\x86\x94"},
{"leftrightarrows", "\xE2\x87\x86"},
{"leftrightharpoons", "\xE2\x87\x8B"},
{"leftrightsquigarrow", "\xE2\x86\xAD"},
{"leftthreetimes", "\xE2\x8B\x8B"},
{"leg", "\xE2\x8B\x9A"},
{"leq", "\xE2\x89\xA4"},
{"leqq", "\xE2\x89\xA6"},
{"leqslant", "\xE2\xA9\xBD"},
{"les", "\xE2\xA9\xBD"},
{"lescc", "\xE2\xAA\xA8"},
{"lesdot", "\xE2\xA9\xBF"},
{"lesdoto", "\xE2\xAA\x81"},
{"lesdotor", "\xE2\xAA\x83"},
{"lesg", "\xE2\x8B\x9A\xEF\xB8\x80"},
{"lesges", "\xE2\xAA\x93"},
{"lessapprox", "\xE2\xAA\x85"},
{"lessdot", "\xE2\x8B\x96"},
{"lesseqgtr", "\xE2\x8B\x9A"},
{"lesseqqgtr", "\xE2\xAA\x8B"},
{"lessgtr", "\xE2\x89\xB6"},
{"lesssim", "\xE2\x89\xB2"},
{"lfisht", "\xE2\xA5\xBC"},
{"lfloor", "\xE2\x8C\x8A"},
{"lfr", "\xF0\x9D\x94\xA9"},
{"lg", "\xE2\x89\xB6"},
{"lgE", "\xE2\xAA\x91"},
{"lhard", "\xE2\x86\xBD"},
{"lharu", "\xE2\x86\xBC"},
{"lharul", "\xE2\xA5\xAA"},
{"lhblk", "\xE2\x96\x84"},
{"ljcy", "\xD1\x99"},
{"ll", "\xE2\x89\xAA"},
{"llarr", "\xE2\x87\x87"},
{"llcorner", "\xE2\x8C\x9E"},
{"llhard", "\xE2\xA5\xAB"},
{"lltri", "\xE2\x97\xBA"},
{"lmidot", "\xC5\x80"},
{"lmoust", "\xE2\x8E\xB0"},
{"lmoustache", "\xE2\x8E\xB0"},
{"lnE", "\xE2\x89\xA8"},
{"lnap", "\xE2\xAA\x89"},
{"lnapprox", "\xE2\xAA\x89"},
{"lne", "\xE2\xAA\x87"},
{"lneq", "\xE2\xAA\x87"},
{"lneqq", "\xE2\x89\xA8"},
{"lnsim", "\xE2\x8B\xA6"},
{"loang", "\xE2\x9F\xAC"},
{"loarr", "\xE2\x87\xBD"},
{"lobrk", "\xE2\x9F\xA6"},
{"longleftarrow", "\xE2\x9F\xB5"},
{"longleftrightarrow", "\xE2\x9F\xB7"},
{"longmapsto", "\xE2\x9F\xBC"},
{"longrightarrow", "\xE2\x9F\xB6"},
{"looparrowleft", "\xE2\x86\xAB"},
{"looparrowright", "\xE2\x86\xAC"},
{"lopar", "\xE2\xA6\x85"},
{"lopf", "\xF0\x9D\x95\x9D"},
{"loplus", "\xE2\xA8\xAD"},
{"lotimes", "\xE2\xA8\xB4"},
{"lowast", "\xE2\x88\x97"},
{"lowbar", "_"},
{"loz", "\xE2\x97\x8A"},
{"lozenge", "\xE2\x97\x8A"},
{"lozf", "\xE2\xA7\xAB"},
{"lpar", "("},
{"lparlt", "\xE2\xA6\x93"},
{"lrarr", "\xE2\x87\x86"},
{"lrcorner", "\xE2\x8C\x9F"},
{"lrhar", "\xE2\x87\x8B"},
{"lrhard", "\xE2\xA5\xAD"},
{"lrm", "\xE2\x80\x8E"},
{"lrtri", "\xE2\x8A\xBF"},
{"lsaquo", "\xE2\x80\xB9"},
{"lscr", "\xF0\x9D\x93\x81"},
{"lsh", "\xE2\x86\xB0"},
{"lsim", "\xE2\x89\xB2"},
{"lsime", "\xE2\xAA\x8D"},
{"lsimg", "\xE2\xAA\x8F"},
{"lsqb", "["},
{"lsquo", "\xE2\x80\x98"},
{"lsquor", "\xE2\x80\x9A"},
{"lstrok", "\xC5\x82"},
{"lt", "<"},
{"ltcc", "\xE2\xAA\xA6"},
{"ltcir", "\xE2\xA9\xB9"},
{"ltdot", "\xE2\x8B\x96"},
{"lthree", "\xE2\x8B\x8B"},
{"ltimes", "\xE2\x8B\x89"},
{"ltlarr", "\xE2\xA5\xB6"},
{"ltquest", "\xE2\xA9\xBB"},
{"ltrPar", "\xE2\xA6\x96"},
{"ltri", "\xE2\x97\x83"},
{"ltrie", "\xE2\x8A\xB4"},
{"ltrif", "\xE2\x97\x82"},
{"lurdshar", "\xE2\xA5\x8A"},
{"luruhar", "\xE2\xA5\xA6"},
{"lvertneqq", "\xE2\x89\xA8\xEF\xB8\x80"},
{"lvnE", "\xE2\x89\xA8\xEF\xB8\x80"},
{"mDDot", "\xE2\x88\xBA"},
{"macr", "\xC2\xAF"},
{"male", "\xE2\x99\x82"},
{"malt", "\xE2\x9C\xA0"},
{"maltese", "\xE2\x9C\xA0"},
{"map", "\xE2\x86\xA6"},
{"mapsto", "\xE2\x86\xA6"},
{"mapstodown", "\xE2\x86\xA7"},
{"mapstoleft", "\xE2\x86\xA4"},
{"mapstoup", "\xE2\x86\xA5"},
{"marker", "\xE2\x96\xAE"},
{"mcomma", "\xE2\xA8\xA9"},
{"mcy", "\xD0\xBC"},
{"mdash", "\xE2\x80\x94"},
{"measuredangle", "\xE2\x88\xA1"},
{"mfr", "\xF0\x9D\x94\xAA"},
{"mho", "\xE2\x84\xA7"},
{"micro", "\xC2\xB5"},
{"mid", "\xE2\x88\xA3"},
{"midast", "*"},
{"midcir", "\xE2\xAB\xB0"},
{"middot", "\xC2\xB7"},
{"minus", "\xE2\x88\x92"},
{"minusb", "\xE2\x8A\x9F"},
{"minusd", "\xE2\x88\xB8"},
{"minusdu", "\xE2\xA8\xAA"},
{"mlcp", "\xE2\xAB\x9B"},
{"mldr", "\xE2\x80\xA6"},
{"mnplus", "\xE2\x88\x93"},
{"models", "\xE2\x8A\xA7"},
{"mopf", "\xF0\x9D\x95\x9E"},
{"mp", "\xE2\x88\x93"},
{"mscr", "\xF0\x9D\x93\x82"},
{"mstpos", "\xE2\x88\xBE"},
{"mu", "\xCE\xBC"},
{"multimap", "\xE2\x8A\xB8"},
{"mumap", "\xE2\x8A\xB8"},
{"nGg", "\xE2\x8B\x99\xCC\xB8"},
{"nGt", "\xE2\x89\xAB\xE2\x83\x92"},
{"nGtv", "\xE2\x89\xAB\xCC\xB8"},
{"nLeftarrow", "\xE2\x87\x8D"},
{"nLeftrightarrow", "\xE2\x87\x8E"},
{"nLl", "\xE2\x8B\x98\xCC\xB8"},
{"nLt", "\xE2\x89\xAA\xE2\x83\x92"},
{"nLtv", "\xE2\x89\xAA\xCC\xB8"},
{"nRightarrow", "\xE2\x87\x8F"},
{"nVDash", "\xE2\x8A\xAF"},
{"nVdash", "\xE2\x8A\xAE"},
{"nabla", "\xE2\x88\x87"},
{"nacute", "\xC5\x84"},
{"nang", "\xE2\x88\xA0\xE2\x83\x92"},
{"nap", "\xE2\x89\x89"},
{"napE", "\xE2\xA9\xB0\xCC\xB8"},
{"napid", "\xE2\x89\x8B\xCC\xB8"},
{"napos", "\xC5\x89"},
{"napprox", "\xE2\x89\x89"},
{"natur", "\xE2\x99\xAE"},
{"natural", "\xE2\x99\xAE"},
{"naturals", "\xE2\x84\x95"},
{"nbsp", "\xC2\xA0"},
{"nbump", "\xE2\x89\x8E\xCC\xB8"},
{"nbumpe", "\xE2\x89\x8F\xCC\xB8"},
{"ncap", "\xE2\xA9\x83"},
{"ncaron", "\xC5\x88"},
{"ncedil", "\xC5\x86"},
{"ncong", "\xE2\x89\x87"},
{"ncongdot", "\xE2\xA9\xAD\xCC\xB8"},
{"ncup", "\xE2\xA9\x82"},
{"ncy", "\xD0\xBD"},
{"ndash", "\xE2\x80\x93"},
{"ne", "\xE2\x89\xA0"},
{"neArr", "\xE2\x87\x97"},
{"nearhk", "\xE2\xA4\xA4"},
{"nearr", "\xE2\x86\x97"},
{"nearrow", "\xE2\x86\x97"},
{"nedot", "\xE2\x89\x90\xCC\xB8"},
{"nequiv", "\xE2\x89\xA2"},
{"nesear", "\xE2\xA4\xA8"},
{"nesim", "\xE2\x89\x82\xCC\xB8"},
{"nexist", "\xE2\x88\x84"},
{"nexists", "\xE2\x88\x84"},
{"nfr", "\xF0\x9D\x94\xAB"},
{"ngE", "\xE2\x89\xA7\xCC\xB8"},
{"nge", "\xE2\x89\xB1"},
{"ngeq", "\xE2\x89\xB1"},
{"ngeqq", "\xE2\x89\xA7\xCC\xB8"},
{"ngeqslant", "\xE2\xA9\xBE\xCC\xB8"},
{"nges", "\xE2\xA9\xBE\xCC\xB8"},
{"ngsim", "\xE2\x89\xB5"},
{"ngt", "\xE2\x89\xAF"},
{"ngtr", "\xE2\x89\xAF"},
{"nhArr", "\xE2\x87\x8E"},
{"nharr", "\xE2\x86\xAE"},
{"nhpar", "\xE2\xAB\xB2"},
{"ni", "\xE2\x88\x8B"},
{"nis", "\xE2\x8B\xBC"},
{"nisd", "\xE2\x8B\xBA"},
{"niv", "\xE2\x88\x8B"},
{"njcy", "\xD1\x9A"},
{"nlArr", "\xE2\x87\x8D"},
{"nlE", "\xE2\x89\xA6\xCC\xB8"},
{"nlarr", "\xE2\x86\x9A"},
{"nldr", "\xE2\x80\xA5"},
{"nle", "\xE2\x89\xB0"},
{"nleftarrow", "\xE2\x86\x9A"},
{"nleftrightarrow", "\xE2\x86\xAE"},
{"nleq", "\xE2\x89\xB0"},
{"nleqq", "\xE2\x89\xA6\xCC\xB8"},
{"nleqslant", "\xE2\xA9\xBD\xCC\xB8"},
{"nles", "\xE2\xA9\xBD\xCC\xB8"},
{"nless", "\xE2\x89\xAE"},
{"nlsim", "\xE2\x89\xB4"},
{"nlt", "\xE2\x89\xAE"},
{"nltri", "\xE2\x8B\xAA"},
{"nltrie", "\xE2\x8B\xAC"},
{"nmid", "\xE2\x88\xA4"},
{"nopf", "\xF0\x9D\x95\x9F"},
{"not", "\xC2\xAC"},
{"notin", "\xE2\x88\x89"},
{"notinE", "\xE2\x8B\xB9\xCC\xB8"},
{"notindot", "\xE2\x8B\xB5\xCC\xB8"},
{"notinva", "\xE2\x88\x89"},
{"notinvb", "\xE2\x8B\xB7"},
{"notinvc", "\xE2\x8B\xB6"},
{"notni", "\xE2\x88\x8C"},
{"notniva", "\xE2\x88\x8C"},
{"notnivb", "\xE2\x8B\xBE"},
{"notnivc", "\xE2\x8B\xBD"},
{"npar", "\xE2\x88\xA6"},
{"nparallel", "\xE2\x88\xA6"},
{"nparsl", "\xE2\xAB\xBD\xE2\x83\xA5"},
{"npart", "\xE2\x88\x82\xCC\xB8"},
{"npolint", "\xE2\xA8\x94"},
{"npr", "\xE2\x8A\x80"},
{"nprcue", "\xE2\x8B\xA0"},
{"npre", "\xE2\xAA\xAF\xCC\xB8"},
{"nprec", "\xE2\x8A\x80"},
{"npreceq", "\xE2\xAA\xAF\xCC\xB8"},
{"nrArr", "\xE2\x87\x8F"},
{"nrarr", "\xE2\x86\x9B"},
{"nrarrc", "\xE2\xA4\xB3\xCC\xB8"},
{"nrarrw", "\xE2\x86\x9D\xCC\xB8"},
{"nrightarrow", "\xE2\x86\x9B"},
{"nrtri", "\xE2\x8B\xAB"},
{"nrtrie", "\xE2\x8B\xAD"},
{"nsc", "\xE2\x8A\x81"},
{"nsccue", "\xE2\x8B\xA1"},
{"nsce", "\xE2\xAA\xB0\xCC\xB8"},
{"nscr", "\xF0\x9D\x93\x83"},
{"nshortmid", "\xE2\x88\xA4"},
{"nshortparallel", "\xE2\x88\xA6"},
{"nsim", "\xE2\x89\x81"},
{"nsime", "\xE2\x89\x84"},
{"nsimeq", "\xE2\x89\x84"},
{"nsmid", "\xE2\x88\xA4"},
{"nspar", "\xE2\x88\xA6"},
{"nsqsube", "\xE2\x8B\xA2"},
{"nsqsupe", "\xE2\x8B\xA3"},
{"nsub", "\xE2\x8A\x84"},
{"nsubE", "\xE2\xAB\x85\xCC\xB8"},
{"nsube", "\xE2\x8A\x88"},
{"nsubset", "\xE2\x8A\x82\xE2\x83\x92"},
{"nsubseteq", "\xE2\x8A\x88"},
{"nsubseteqq", "\xE2\xAB\x85\xCC\xB8"},
{"nsucc", "\xE2\x8A\x81"},
{"nsucceq", "\xE2\xAA\xB0\xCC\xB8"},
{"nsup", "\xE2\x8A\x85"},
{"nsupE", "\xE2\xAB\x86\xCC\xB8"},
{"nsupe", "\xE2\x8A\x89"},
{"nsupset", "\xE2\x8A\x83\xE2\x83\x92"},
{"nsupseteq", "\xE2\x8A\x89"},
{"nsupseteqq", "\xE2\xAB\x86\xCC\xB8"},
{"ntgl", "\xE2\x89\xB9"},
{"ntilde", "\xC3\xB1"},
{"ntlg", "\xE2\x89\xB8"},
{"ntriangleleft", "\xE2\x8B\xAA"},
{"ntrianglelefteq", "\xE2\x8B\xAC"},
{"ntriangleright", "\xE2\x8B\xAB"},
{"ntrianglerighteq", "\xE2\x8B\xAD"},
{"nu", "\xCE\xBD"},
{"num", "#"},
{"numero", "\xE2\x84\x96"},
{"numsp", "\xE2\x80\x87"},
{"nvDash", "\xE2\x8A\xAD"},
{"nvHarr", "\xE2\xA4\x84"},
{"nvap", "\xE2\x89\x8D\xE2\x83\x92"},
{"nvdash", "\xE2\x8A\xAC"},
{"nvge", "\xE2\x89\xA5\xE2\x83\x92"},
{"nvgt", ">\xE2\x83\x92"},
{"nvinfin", "\xE2\xA7\x9E"},
{"nvlArr", "\xE2\xA4\x82"},
{"nvle", "\xE2\x89\xA4\xE2\x83\x92"},
{"nvlt", "<\xE2\x83\x92"},
{"nvltrie", "\xE2\x8A\xB4\xE2\x83\x92"},
{"nvrArr", "\xE2\xA4\x83"},
{"nvrtrie", "\xE2\x8A\xB5\xE2\x83\x92"},
{"nvsim", "\xE2\x88\xBC\xE2\x83\x92"},
{"nwArr", "\xE2\x87\x96"},
{"nwarhk", "\xE2\xA4\xA3"},
{"nwarr", "\xE2\x86\x96"},
{"nwarrow", "\xE2\x86\x96"},
{"nwnear", "\xE2\xA4\xA7"},
{"oS", "\xE2\x93\x88"},
{"oacute", "\xC3\xB3"},
{"oast", "\xE2\x8A\x9B"},
{"ocir", "\xE2\x8A\x9A"},
{"ocirc", "\xC3\xB4"},
{"ocy", "\xD0\xBE"},
{"odash", "\xE2\x8A\x9D"},
{"odblac", "\xC5\x91"},
{"odiv", "\xE2\xA8\xB8"},
{"odot", "\xE2\x8A\x99"},
{"odsold", "\xE2\xA6\xBC"},
{"oelig", "\xC5\x93"},
{"ofcir", "\xE2\xA6\xBF"},
{"ofr", "\xF0\x9D\x94\xAC"},
{"ogon", "\xCB\x9B"},
{"ograve", "\xC3\xB2"},
{"ogt", "\xE2\xA7\x81"},
{"ohbar", "\xE2\xA6\xB5"},
{"ohm", "\xCE\xA9"},
{"oint", "\xE2\x88\xAE"},
{"olarr", "\xE2\x86\xBA"},
{"olcir", "\xE2\xA6\xBE"},
{"olcross", "\xE2\xA6\xBB"},
{"oline", "\xE2\x80\xBE"},
{"olt", "\xE2\xA7\x80"},
{"omacr", "\xC5\x8D"},
{"omega", "\xCF\x89"},
{"omicron", "\xCE\xBF"},
{"omid", "\xE2\xA6\xB6"},
{"ominus", "\xE2\x8A\x96"},
{"oopf", "\xF0\x9D\x95\xA0"},
{"opar", "\xE2\xA6\xB7"},
{"operp", "\xE2\xA6\xB9"},
{"oplus", "\xE2\x8A\x95"},
{"or", "\xE2\x88\xA8"},
{"orarr", "\xE2\x86\xBB"},
{"ord", "\xE2\xA9\x9D"},
{"order", "\xE2\x84\xB4"},
{"orderof", "\xE2\x84\xB4"},
{"ordf", "\xC2\xAA"},
{"ordm", "\xC2\xBA"},
{"origof", "\xE2\x8A\xB6"},
{"oror", "\xE2\xA9\x96"},
{"orslope", "\xE2\xA9\x97"},
{"orv", "\xE2\xA9\x9B"},
{"oscr", "\xE2\x84\xB4"},
{"oslash", "\xC3\xB8"},
{"osol", "\xE2\x8A\x98"},
{"otilde", "\xC3\xB5"},
{"otimes", "\xE2\x8A\x97"},
{"otimesas", "\xE2\xA8\xB6"},
{"ouml", "\xC3\xB6"},
{"ovbar", "\xE2\x8C\xBD"},
{"par", "\xE2\x88\xA5"},
{"para", "\xC2\xB6"},
{"parallel", "\xE2\x88\xA5"},
{"parsim", "\xE2\xAB\xB3"},
{"parsl", "\xE2\xAB\xBD"},
{"part", "\xE2\x88\x82"},
{"pcy", "\xD0\xBF"},
{"percnt", "%"},
{"period", "."},
{"permil", "\xE2\x80\xB0"},
{"perp", "\xE2\x8A\xA5"},
{"pertenk", "\xE2\x80\xB1"},
{"pfr", "\xF0\x9D\x94\xAD"},
{"phi", "\xCF\x86"},
{"phiv", "\xCF\x95"},
{"phmmat", "\xE2\x84\xB3"},
{"phone", "\xE2\x98\x8E"},
{"pi", "\xCF\x80"},
{"pitchfork", "\xE2\x8B\x94"},
{"piv", "\xCF\x96"},
{"planck", "\xE2\x84\x8F"},
{"planckh", "\xE2\x84\x8E"},
{"plankv", "\xE2\x84\x8F"},
{"plus", "+"},
{"plusacir", "\xE2\xA8\xA3"},
{"plusb", "\xE2\x8A\x9E"},
{"pluscir", "\xE2\xA8\xA2"},
{"plusdo", "\xE2\x88\x94"},
{"plusdu", "\xE2\xA8\xA5"},
{"pluse", "\xE2\xA9\xB2"},
{"plusmn", "\xC2\xB1"},
{"plussim", "\xE2\xA8\xA6"},
{"plustwo", "\xE2\xA8\xA7"},
{"pm", "\xC2\xB1"},
{"pointint", "\xE2\xA8\x95"},
{"popf", "\xF0\x9D\x95\xA1"},
{"pound", "\xC2\xA3"},
{"pr", "\xE2\x89\xBA"},
{"prE", "\xE2\xAA\xB3"},
{"prap", "\xE2\xAA\xB7"},
{"prcue", "\xE2\x89\xBC"},
{"pre", "\xE2\xAA\xAF"},
{"prec", "\xE2\x89\xBA"},
{"precapprox", "\xE2\xAA\xB7"},
{"preccurlyeq", "\xE2\x89\xBC"},
{"preceq", "\xE2\xAA\xAF"},
{"precnapprox", "\xE2\xAA\xB9"},
{"precneqq", "\xE2\xAA\xB5"},
{"precnsim", "\xE2\x8B\xA8"},
{"precsim", "\xE2\x89\xBE"},
{"prime", "\xE2\x80\xB2"},
{"primes", "\xE2\x84\x99"},
{"prnE", "\xE2\xAA\xB5"},
{"prnap", "\xE2\xAA\xB9"},
{"prnsim", "\xE2\x8B\xA8"},
{"prod", "\xE2\x88\x8F"},
{"profalar", "\xE2\x8C\xAE"},
{"profline", "\xE2\x8C\x92"},
{"profsurf", "\xE2\x8C\x93"},
{"prop", "\xE2\x88\x9D"},
{"propto", "\xE2\x88\x9D"},
{"prsim", "\xE2\x89\xBE"},
{"prurel", "\xE2\x8A\xB0"},
{"pscr", "\xF0\x9D\x93\x85"},
{"psi", "\xCF\x88"},
{"puncsp", "\xE2\x80\x88"},
{"qfr", "\xF0\x9D\x94\xAE"},
{"qint", "\xE2\xA8\x8C"},
{"qopf", "\xF0\x9D\x95\xA2"},
{"qprime", "\xE2\x81\x97"},
{"qscr", "\xF0\x9D\x93\x86"},
{"quaternions", "\xE2\x84\x8D"},
{"quatint", "\xE2\xA8\x96"},
{"quest", "\x3F"},
{"questeq", "\xE2\x89\x9F"},
{"quot", "\x22"},
{"rAarr", "\xE2\x87\x9B"},
{"rArr", "\xE2\x87\x92"},
{"rAtail", "\xE2\xA4\x9C"},
{"rBarr", "\xE2\xA4\x8F"},
{"rHar", "\xE2\xA5\xA4"},
{"race", "\xE2\x88\xBD\xCC\xB1"},
{"racute", "\xC5\x95"},
{"radic", "\xE2\x88\x9A"},
{"raemptyv", "\xE2\xA6\xB3"},
{"rang", "\xE2\x9F\xA9"},
{"rangd", "\xE2\xA6\x92"},
{"range", "\xE2\xA6\xA5"},
{"rangle", "\xE2\x9F\xA9"},
{"raquo", "\xC2\xBB"},
{"rarr", "\xE2\x86\x92"},
{"rarrap", "\xE2\xA5\xB5"},
{"rarrb", "\xE2\x87\xA5"},
{"rarrbfs", "\xE2\xA4\xA0"},
{"rarrc", "\xE2\xA4\xB3"},
{"rarrfs", "\xE2\xA4\x9E"},
{"rarrhk", "\xE2\x86\xAA"},
{"rarrlp", "\xE2\x86\xAC"},
{"rarrpl", "\xE2\xA5\x85"},
{"rarrsim", "\xE2\xA5\xB4"},
{"rarrtl", "\xE2\x86\xA3"},
{"rarrw", "\xE2\x86\x9D"},
{"ratail", "\xE2\xA4\x9A"},
{"ratio", "\xE2\x88\xB6"},
{"rationals", "\xE2\x84\x9A"},
{"rbarr", "\xE2\xA4\x8D"},
{"rbbrk", "\xE2\x9D\xB3"},
{"rbrace", "}"},
{"rbrack", "]"},
{"rbrke", "\xE2\xA6\x8C"},
{"rbrksld", "\xE2\xA6\x8E"},
{"rbrkslu", "\xE2\xA6\x90"},
{"rcaron", "\xC5\x99"},
{"rcedil", "\xC5\x97"},
{"rceil", "\xE2\x8C\x89"},
{"rcub", "}"},
{"rcy", "\xD1\x80"},
{"rdca", "\xE2\xA4\xB7"},
{"rdldhar", "\xE2\xA5\xA9"},
{"rdquo", "\xE2\x80\x9D"},
{"rdquor", "\xE2\x80\x9D"},
{"rdsh", "\xE2\x86\xB3"},
{"real", "\xE2\x84\x9C"},
{"realine", "\xE2\x84\x9B"},
{"realpart", "\xE2\x84\x9C"},
{"reals", "\xE2\x84\x9D"},
{"rect", "\xE2\x96\xAD"},
{"reg", "\xC2\xAE"},
{"rfisht", "\xE2\xA5\xBD"},
{"rfloor", "\xE2\x8C\x8B"},
{"rfr", "\xF0\x9D\x94\xAF"},
{"rhard", "\xE2\x87\x81"},
{"rharu", "\xE2\x87\x80"},
{"rharul", "\xE2\xA5\xAC"},
{"rho", "\xCF\x81"},
{"rhov", "\xCF\xB1"},
{"rightarrow", "\xE2\x86\x92"},
{"rightarrowtail", "\xE2\x86\xA3"},
{"rightharpoondown", "\xE2\x87\x81"},
{"rightharpoonup", "\xE2\x87\x80"},
{"rightleftarrows", "\xE2\x87\x84"},
{"rightleftharpoons", "\xE2\x87\x8C"},
{"rightrightarrows", "\xE2\x87\x89"},
{"rightsquigarrow", "\xE2\x86\x9D"},
{"rightthreetimes", "\xE2\x8B\x8C"},
{"ring", "\xCB\x9A"},
{"risingdotseq", "\xE2\x89\x93"},
{"rlarr", "\xE2\x87\x84"},
{"rlhar", "\xE2\x87\x8C"},
{"rlm", "\xE2\x80\x8F"},
{"rmoust", "\xE2\x8E\xB1"},
{"rmoustache", "\xE2\x8E\xB1"},
{"rnmid", "\xE2\xAB\xAE"},
{"roang", "\xE2\x9F\xAD"},
{"roarr", "\xE2\x87\xBE"},
{"robrk", "\xE2\x9F\xA7"},
{"ropar", "\xE2\xA6\x86"},
{"ropf", "\xF0\x9D\x95\xA3"},
{"roplus", "\xE2\xA8\xAE"},
{"rotimes", "\xE2\xA8\xB5"},
{"rpar", ")"},
{"rpargt", "\xE2\xA6\x94"},
{"rppolint", "\xE2\xA8\x92"},
{"rrarr", "\xE2\x87\x89"},
{"rsaquo", "\xE2\x80\xBA"},
{"rscr", "\xF0\x9D\x93\x87"},
{"rsh", "\xE2\x86\xB1"},
{"rsqb", "]"},
{"rsquo", "\xE2\x80\x99"},
{"rsquor", "\xE2\x80\x99"},
{"rthree", "\xE2\x8B\x8C"},
{"rtimes", "\xE2\x8B\x8A"},
{"rtri", "\xE2\x96\xB9"},
{"rtrie", "\xE2\x8A\xB5"},
{"rtrif", "\xE2\x96\xB8"},
{"rtriltri", "\xE2\xA7\x8E"},
{"ruluhar", "\xE2\xA5\xA8"},
{"rx", "\xE2\x84\x9E"},
{"sacute", "\xC5\x9B"},
{"sbquo", "\xE2\x80\x9A"},
{"sc", "\xE2\x89\xBB"},
{"scE", "\xE2\xAA\xB4"},
{"scap", "\xE2\xAA\xB8"},
{"scaron", "\xC5\xA1"},
{"sccue", "\xE2\x89\xBD"},
{"sce", "\xE2\xAA\xB0"},
{"scedil", "\xC5\x9F"},
{"scirc", "\xC5\x9D"},
{"scnE", "\xE2\xAA\xB6"},
{"scnap", "\xE2\xAA\xBA"},
{"scnsim", "\xE2\x8B\xA9"},
{"scpolint", "\xE2\xA8\x93"},
{"scsim", "\xE2\x89\xBF"},
{"scy", "\xD1\x81"},
{"sdot", "\xE2\x8B\x85"},
{"sdotb", "\xE2\x8A\xA1"},
{"sdote", "\xE2\xA9\xA6"},
{"seArr", "\xE2\x87\x98"},
{"searhk", "\xE2\xA4\xA5"},
{"searr", "\xE2\x86\x98"},
{"searrow", "\xE2\x86\x98"},
{"sect", "\xC2\xA7"},
{"semi", ";"},
{"seswar", "\xE2\xA4\xA9"},
{"setminus", "\xE2\x88\x96"},
{"setmn", "\xE2\x88\x96"},
{"sext", "\xE2\x9C\xB6"},
{"sfr", "\xF0\x9D\x94\xB0"},
{"sfrown", "\xE2\x8C\xA2"},
{"sharp", "\xE2\x99\xAF"},
{"shchcy", "\xD1\x89"},
{"shcy", "\xD1\x88"},
{"shortmid", "\xE2\x88\xA3"},
{"shortparallel", "\xE2\x88\xA5"},
{"shy", "\xC2\xAD"},
{"sigma", "\xCF\x83"},
{"sigmaf", "\xCF\x82"},
{"sigmav", "\xCF\x82"},
{"sim", "\xE2\x88\xBC"},
{"simdot", "\xE2\xA9\xAA"},
{"sime", "\xE2\x89\x83"},
{"simeq", "\xE2\x89\x83"},
{"simg", "\xE2\xAA\x9E"},
{"simgE", "\xE2\xAA\xA0"},
{"siml", "\xE2\xAA\x9D"},
{"simlE", "\xE2\xAA\x9F"},
{"simne", "\xE2\x89\x86"},
{"simplus", "\xE2\xA8\xA4"},
{"simrarr", "\xE2\xA5\xB2"},
{"slarr", "\xE2\x86\x90"},
{"smallsetminus", "\xE2\x88\x96"},
{"smashp", "\xE2\xA8\xB3"},
{"smeparsl", "\xE2\xA7\xA4"},
{"smid", "\xE2\x88\xA3"},
{"smile", "\xE2\x8C\xA3"},
{"smt", "\xE2\xAA\xAA"},
{"smte", "\xE2\xAA\xAC"},
{"smtes", "\xE2\xAA\xAC\xEF\xB8\x80"},
{"softcy", "\xD1\x8C"},
{"sol", "/"},
{"solb", "\xE2\xA7\x84"},
{"solbar", "\xE2\x8C\xBF"},
{"sopf", "\xF0\x9D\x95\xA4"},
{"spades", "\xE2\x99\xA0"},
{"spadesuit", "\xE2\x99\xA0"},
{"spar", "\xE2\x88\xA5"},
{"sqcap", "\xE2\x8A\x93"},
{"sqcaps", "\xE2\x8A\x93\xEF\xB8\x80"},
{"sqcup", "\xE2\x8A\x94"},
{"sqcups", "\xE2\x8A\x94\xEF\xB8\x80"},
{"sqsub", "\xE2\x8A\x8F"},
{"sqsube", "\xE2\x8A\x91"},
{"sqsubset", "\xE2\x8A\x8F"},
{"sqsubseteq", "\xE2\x8A\x91"},
{"sqsup", "\xE2\x8A\x90"},
{"sqsupe", "\xE2\x8A\x92"},
{"sqsupset", "\xE2\x8A\x90"},
{"sqsupseteq", "\xE2\x8A\x92"},
{"squ", "\xE2\x96\xA1"},
{"square", "\xE2\x96\xA1"},
{"squarf", "\xE2\x96\xAA"},
{"squf", "\xE2\x96\xAA"},
{"srarr", "\xE2\x86\x92"},
{"sscr", "\xF0\x9D\x93\x88"},
{"ssetmn", "\xE2\x88\x96"},
{"ssmile", "\xE2\x8C\xA3"},
{"sstarf", "\xE2\x8B\x86"},
{"star", "\xE2\x98\x86"},
{"starf", "\xE2\x98\x85"},
{"straightepsilon", "\xCF\xB5"},
{"straightphi", "\xCF\x95"},
{"strns", "\xC2\xAF"},
{"sub", "\xE2\x8A\x82"},
{"subE", "\xE2\xAB\x85"},
{"subdot", "\xE2\xAA\xBD"},
{"sube", "\xE2\x8A\x86"},
{"subedot", "\xE2\xAB\x83"},
{"submult", "\xE2\xAB\x81"},
{"subnE", "\xE2\xAB\x8B"},
{"subne", "\xE2\x8A\x8A"},
{"subplus", "\xE2\xAA\xBF"},
{"subrarr", "\xE2\xA5\xB9"},
{"subset", "\xE2\x8A\x82"},
{"subseteq", "\xE2\x8A\x86"},
{"subseteqq", "\xE2\xAB\x85"},
{"subsetneq", "\xE2\x8A\x8A"},
{"subsetneqq", "\xE2\xAB\x8B"},
{"subsim", "\xE2\xAB\x87"},
{"subsub", "\xE2\xAB\x95"},
{"subsup", "\xE2\xAB\x93"},
{"succ", "\xE2\x89\xBB"},
{"succapprox", "\xE2\xAA\xB8"},
{"succcurlyeq", "\xE2\x89\xBD"},
{"succeq", "\xE2\xAA\xB0"},
{"succnapprox", "\xE2\xAA\xBA"},
{"succneqq", "\xE2\xAA\xB6"},
{"succnsim", "\xE2\x8B\xA9"},
{"succsim", "\xE2\x89\xBF"},
{"sum", "\xE2\x88\x91"},
{"sung", "\xE2\x99\xAA"},
{"sup", "\xE2\x8A\x83"},
{"sup1", "\xC2\xB9"},
{"sup2", "\xC2\xB2"},
{"sup3", "\xC2\xB3"},
{"supE", "\xE2\xAB\x86"},
{"supdot", "\xE2\xAA\xBE"},
{"supdsub", "\xE2\xAB\x98"},
{"supe", "\xE2\x8A\x87"},
{"supedot", "\xE2\xAB\x84"},
{"suphsol", "\xE2\x9F\x89"},
{"suphsub", "\xE2\xAB\x97"},
{"suplarr", "\xE2\xA5\xBB"},
{"supmult", "\xE2\xAB\x82"},
{"supnE", "\xE2\xAB\x8C"},
{"supne", "\xE2\x8A\x8B"},
{"supplus", "\xE2\xAB\x80"},
{"supset", "\xE2\x8A\x83"},
{"supseteq", "\xE2\x8A\x87"},
{"supseteqq", "\xE2\xAB\x86"},
{"supsetneq", "\xE2\x8A\x8B"},
{"supsetneqq", "\xE2\xAB\x8C"},
{"supsim", "\xE2\xAB\x88"},
{"supsub", "\xE2\xAB\x94"},
{"supsup", "\xE2\xAB\x96"},
{"swArr", "\xE2\x87\x99"},
{"swarhk", "\xE2\xA4\xA6"},
{"swarr", "\xE2\x86\x99"},
{"swarrow", "\xE2\x86\x99"},
{"swnwar", "\xE2\xA4\xAA"},
{"szlig", "\xC3\x9F"},
{"target", "\xE2\x8C\x96"},
{"tau", "\xCF\x84"},
{"tbrk", "\xE2\x8E\xB4"},
{"tcaron", "\xC5\xA5"},
{"tcedil", "\xC5\xA3"},
{"tcy", "\xD1\x82"},
{"tdot", "\xE2\x83\x9B"},
{"telrec", "\xE2\x8C\x95"},
{"tfr", "\xF0\x9D\x94\xB1"},
{"there4", "\xE2\x88\xB4"},
{"therefore", "\xE2\x88\xB4"},
{"theta", "\xCE\xB8"},
{"thetasym", "\xCF\x91"},
{"thetav", "\xCF\x91"},
{"thickapprox", "\xE2\x89\x88"},
{"thicksim", "\xE2\x88\xBC"},
{"thinsp", "\xE2\x80\x89"},
{"thkap", "\xE2\x89\x88"},
{"thksim", "\xE2\x88\xBC"},
{"thorn", "\xC3\xBE"},
{"tilde", "\xCB\x9C"},
{"times", "\xC3\x97"},
{"timesb", "\xE2\x8A\xA0"},
{"timesbar", "\xE2\xA8\xB1"},
{"timesd", "\xE2\xA8\xB0"},
{"tint", "\xE2\x88\xAD"},
{"toea", "\xE2\xA4\xA8"},
{"top", "\xE2\x8A\xA4"},
{"topbot", "\xE2\x8C\xB6"},
{"topcir", "\xE2\xAB\xB1"},
{"topf", "\xF0\x9D\x95\xA5"},
{"topfork", "\xE2\xAB\x9A"},
{"tosa", "\xE2\xA4\xA9"},
{"tprime", "\xE2\x80\xB4"},
{"trade", "\xE2\x84\xA2"},
{"triangle", "\xE2\x96\xB5"},
{"triangledown", "\xE2\x96\xBF"},
{"triangleleft", "\xE2\x97\x83"},
{"trianglelefteq", "\xE2\x8A\xB4"},
{"triangleq", "\xE2\x89\x9C"},
{"triangleright", "\xE2\x96\xB9"},
{"trianglerighteq", "\xE2\x8A\xB5"},
{"tridot", "\xE2\x97\xAC"},
{"trie", "\xE2\x89\x9C"},
{"triminus", "\xE2\xA8\xBA"},
{"triplus", "\xE2\xA8\xB9"},
{"trisb", "\xE2\xA7\x8D"},
{"tritime", "\xE2\xA8\xBB"},
{"trpezium", "\xE2\x8F\xA2"},
{"tscr", "\xF0\x9D\x93\x89"},
{"tscy", "\xD1\x86"},
{"tshcy", "\xD1\x9B"},
{"tstrok", "\xC5\xA7"},
{"twixt", "\xE2\x89\xAC"},
{"twoheadleftarrow", "\xE2\x86\x9E"},
{"twoheadrightarrow", "\xE2\x86\xA0"},
{"uArr", "\xE2\x87\x91"},
{"uHar", "\xE2\xA5\xA3"},
{"uacute", "\xC3\xBA"},
{"uarr", "\xE2\x86\x91"},
{"ubrcy", "\xD1\x9E"},
{"ubreve", "\xC5\xAD"},
{"ucirc", "\xC3\xBB"},
{"ucy", "\xD1\x83"},
{"udarr", "\xE2\x87\x85"},
{"udblac", "\xC5\xB1"},
{"udhar", "\xE2\xA5\xAE"},
{"ufisht", "\xE2\xA5\xBE"},
{"ufr", "\xF0\x9D\x94\xB2"},
{"ugrave", "\xC3\xB9"},
{"uharl", "\xE2\x86\xBF"},
{"uharr", "\xE2\x86\xBE"},
{"uhblk", "\xE2\x96\x80"},
{"ulcorn", "\xE2\x8C\x9C"},
{"ulcorner", "\xE2\x8C\x9C"},
{"ulcrop", "\xE2\x8C\x8F"},
{"ultri", "\xE2\x97\xB8"},
{"umacr", "\xC5\xAB"},
{"uml", "\xC2\xA8"},
{"uogon", "\xC5\xB3"},
{"uopf", "\xF0\x9D\x95\xA6"},
{"uparrow", "\xE2\x86\x91"},
{"updownarrow", "\xE2\x86\x95"},
{"upharpoonleft", "\xE2\x86\xBF"},
{"upharpoonright", "\xE2\x86\xBE"},
{"uplus", "\xE2\x8A\x8E"},
{"upsi", "\xCF\x85"},
{"upsih", "\xCF\x92"},
{"upsilon", "\xCF\x85"},
{"upuparrows", "\xE2\x87\x88"},
{"urcorn", "\xE2\x8C\x9D"},
{"urcorner", "\xE2\x8C\x9D"},
{"urcrop", "\xE2\x8C\x8E"},
{"uring", "\xC5\xAF"},
{"urtri", "\xE2\x97\xB9"},
{"uscr", "\xF0\x9D\x93\x8A"},
{"utdot", "\xE2\x8B\xB0"},
{"utilde", "\xC5\xA9"},
{"utri", "\xE2\x96\xB5"},
{"utrif", "\xE2\x96\xB4"},
{"uuarr", "\xE2\x87\x88"},
{"uuml", "\xC3\xBC"},
{"uwangle", "\xE2\xA6\xA7"},
{"vArr", "\xE2\x87\x95"},
{"vBar", "\xE2\xAB\xA8"},
{"vBarv", "\xE2\xAB\xA9"},
{"vDash", "\xE2\x8A\xA8"},
{"vangrt", "\xE2\xA6\x9C"},
{"varepsilon", "\xCF\xB5"},
{"varkappa", "\xCF\xB0"},
{"varnothing", "\xE2\x88\x85"},
{"varphi", "\xCF\x95"},
{"varpi", "\xCF\x96"},
{"varpropto", "\xE2\x88\x9D"},
{"varr", "\xE2\x86\x95"},
{"varrho", "\xCF\xB1"},
{"varsigma", "\xCF\x82"},
{"varsubsetneq", "\xE2\x8A\x8A\xEF\xB8\x80"},
{"varsubsetneqq", "\xE2\xAB\x8B\xEF\xB8\x80"},
{"varsupsetneq", "\xE2\x8A\x8B\xEF\xB8\x80"},
{"varsupsetneqq", "\xE2\xAB\x8C\xEF\xB8\x80"},
{"vartheta", "\xCF\x91"},
{"vartriangleleft", "\xE2\x8A\xB2"},
{"vartriangleright", "\xE2\x8A\xB3"},
{"vcy", "\xD0\xB2"},
{"vdash", "\xE2\x8A\xA2"},
{"vee", "\xE2\x88\xA8"},
{"veebar", "\xE2\x8A\xBB"},
{"veeeq", "\xE2\x89\x9A"},
{"vellip", "\xE2\x8B\xAE"},
{"verbar", "|"},
{"vert", "|"},
{"vfr", "\xF0\x9D\x94\xB3"},
{"vltri", "\xE2\x8A\xB2"},
{"vnsub", "\xE2\x8A\x82\xE2\x83\x92"},
{"vnsup", "\xE2\x8A\x83\xE2\x83\x92"},
{"vopf", "\xF0\x9D\x95\xA7"},
{"vprop", "\xE2\x88\x9D"},
{"vrtri", "\xE2\x8A\xB3"},
{"vscr", "\xF0\x9D\x93\x8B"},
{"vsubnE", "\xE2\xAB\x8B\xEF\xB8\x80"},
{"vsubne", "\xE2\x8A\x8A\xEF\xB8\x80"},
{"vsupnE", "\xE2\xAB\x8C\xEF\xB8\x80"},
{"vsupne", "\xE2\x8A\x8B\xEF\xB8\x80"},
{"vzigzag", "\xE2\xA6\x9A"},
{"wcirc", "\xC5\xB5"},
{"wedbar", "\xE2\xA9\x9F"},
{"wedge", "\xE2\x88\xA7"},
{"wedgeq", "\xE2\x89\x99"},
{"weierp", "\xE2\x84\x98"},
{"wfr", "\xF0\x9D\x94\xB4"},
{"wopf", "\xF0\x9D\x95\xA8"},
{"wp", "\xE2\x84\x98"},
{"wr", "\xE2\x89\x80"},
{"wreath", "\xE2\x89\x80"},
{"wscr", "\xF0\x9D\x93\x8C"},
{"xcap", "\xE2\x8B\x82"},
{"xcirc", "\xE2\x97\xAF"},
{"xcup", "\xE2\x8B\x83"},
{"xdtri", "\xE2\x96\xBD"},
{"xfr", "\xF0\x9D\x94\xB5"},
{"xhArr", "\xE2\x9F\xBA"},
{"xharr", "\xE2\x9F\xB7"},
{"xi", "\xCE\xBE"},
{"xlArr", "\xE2\x9F\xB8"},
{"xlarr", "\xE2\x9F\xB5"},
{"xmap", "\xE2\x9F\xBC"},
{"xnis", "\xE2\x8B\xBB"},
{"xodot", "\xE2\xA8\x80"},
{"xopf", "\xF0\x9D\x95\xA9"},
{"xoplus", "\xE2\xA8\x81"},
{"xotime", "\xE2\xA8\x82"},
{"xrArr", "\xE2\x9F\xB9"},
{"xrarr", "\xE2\x9F\xB6"},
{"xscr", "\xF0\x9D\x93\x8D"},
{"xsqcup", "\xE2\xA8\x86"},
{"xuplus", "\xE2\xA8\x84"},
{"xutri", "\xE2\x96\xB3"},
{"xvee", "\xE2\x8B\x81"},
{"xwedge", "\xE2\x8B\x80"},
{"yacute", "\xC3\xBD"},
{"yacy", "\xD1\x8F"},
{"ycirc", "\xC5\xB7"},
{"ycy", "\xD1\x8B"},
{"yen", "\xC2\xA5"},
{"yfr", "\xF0\x9D\x94\xB6"},
{"yicy", "\xD1\x97"},
{"yopf", "\xF0\x9D\x95\xAA"},
{"yscr", "\xF0\x9D\x93\x8E"},
{"yucy", "\xD1\x8E"},
{"yuml", "\xC3\xBF"},
{"zacute", "\xC5\xBA"},
{"zcaron", "\xC5\xBE"},
{"zcy", "\xD0\xB7"},
{"zdot", "\xC5\xBC"},
{"zeetrf", "\xE2\x84\xA8"},
{"zeta", "\xCE\xB6"},
{"zfr", "\xF0\x9D\x94\xB7"},
{"zhcy", "\xD0\xB6"},
{"zigrarr", "\xE2\x87\x9D"},
{"zopf", "\xF0\x9D\x95\xAB"},
{"zscr", "\xF0\x9D\x93\x8F"},
{"zwj", "\xE2\x80\x8D"},
{"zwnj", "\xE2\x80\x8C"},
};
// clang-format on

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

struct ConverterDeleter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
struct DetectorDeleter {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// The name ICU should open for an IANA charset label. Labels whose
// standard charset is a subset of a wider one in practice are read as the
// wider one, as browsers do: GB2312 and GBK text is GB18030, and
// ISO-8859-1 is read as itself and its C1 range fixed up later (FixC1Controls).
std::string IcuName(std::string_view charset) {
  std::string c = Lower(Trim(charset));
  if (c == "gb2312" || c == "gbk" || c == "x-gbk" || c == "gb_2312-80" || c == "cp936" ||
      c == "csgb2312" || c == "chinese" || c == "euc-cn") {
    return "gb18030";
  }
  if (c == "big5" || c == "big-5" || c == "cn-big5" || c == "csbig5" || c == "x-x-big5") {
    return "windows-950";
  }
  if (c == "shift_jis" || c == "shift-jis" || c == "sjis" || c == "x-sjis" || c == "ms_kanji" ||
      c == "csshiftjis" || c == "windows-31j") {
    return "windows-31j";
  }
  if (c == "euc-kr" || c == "ks_c_5601-1987" || c == "cseuckr") return "windows-949";
  if (c == "tis-620" || c == "tis620" || c == "iso-8859-11") return "windows-874";
  if (c == "utf8" || c == "unicode-1-1-utf-8") return "utf-8";
  if (c == "u16" || c == "utf16" || c == "utf_16") return "utf-16";
  if (c == "u32" || c == "utf32" || c == "utf_32") return "utf-32";
  if (c == "ascii" || c == "us-ascii" || c == "ansi_x3.4-1968" || c == "646") return "us-ascii";
  return c;
}

bool IsUtf8Name(std::string_view icu_name) { return icu_name == "utf-8"; }

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t len = static_cast<int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  int32_t i = 0;
  while (i < len) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

// Appends UTF-16 as UTF-8, lone surrogates becoming U+FFFD.
void AppendUtf16(std::string& out, const std::u16string& text) {
  if (text.empty()) return;
  UErrorCode err = U_ZERO_ERROR;
  int32_t needed = 0;
  u_strToUTF8WithSub(nullptr, 0, &needed, text.data(), static_cast<int32_t>(text.size()), 0xFFFD,
                     nullptr, &err);
  err = U_ZERO_ERROR;
  std::size_t at = out.size();
  out.resize(at + static_cast<std::size_t>(needed));
  u_strToUTF8WithSub(out.data() + at, needed, &needed, text.data(),
                     static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &err);
  if (U_FAILURE(err)) out.resize(at);
}

// Decodes with ICU. `strict`: nullopt at the first malformed sequence;
// otherwise each becomes U+FFFD. nullopt too when ICU has no such charset.
std::optional<std::string> Decode(std::string_view bytes, const std::string& icu_name,
                                  bool strict) {
  if (IsUtf8Name(icu_name) && IsValidUtf8(bytes)) return std::string(bytes);
  if (icu_name == "us-ascii") {
    bool ascii = std::all_of(bytes.begin(), bytes.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return std::string(bytes);
    if (strict) return std::nullopt;
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterDeleter> cnv(ucnv_open(icu_name.c_str(), &err));
  if (U_FAILURE(err) || !cnv) return std::nullopt;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return std::nullopt;
  std::u16string wide;
  wide.reserve(bytes.size());
  const char* src = bytes.data();
  const char* end = bytes.data() + bytes.size();
  std::array<UChar, 8192> buf;
  while (true) {
    UChar* target = buf.data();
    err = U_ZERO_ERROR;
    const char* before = src;
    ucnv_toUnicode(cnv.get(), &target, buf.data() + buf.size(), &src, end, nullptr, true, &err);
    wide.append(reinterpret_cast<const char16_t*>(buf.data()),
                static_cast<std::size_t>(target - buf.data()));
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(err)) {
      if (strict) return std::nullopt;
      wide.push_back(u'\uFFFD');
      ucnv_resetToUnicode(cnv.get());
      if (src >= end || (src == before && target == buf.data())) break;
      continue;
    }
    break;
  }
  std::string out;
  AppendUtf16(out, wide);
  return out;
}

// The encoding the first bytes announce: a byte-order mark, or the way "<?"
// looks in UTF-16/32. `bom_length` is how many bytes the mark takes.
std::string SniffEncoding(std::string_view b, std::size_t& bom_length) {
  auto starts = [&](std::initializer_list<unsigned char> p) {
    if (b.size() < p.size()) return false;
    std::size_t i = 0;
    for (unsigned char c : p) {
      if (static_cast<unsigned char>(b[i++]) != c) return false;
    }
    return true;
  };
  bom_length = 0;
  if (starts({0x00, 0x00, 0xFE, 0xFF})) return bom_length = 4, "utf-32be";
  if (starts({0xFF, 0xFE, 0x00, 0x00})) return bom_length = 4, "utf-32le";
  if (starts({0xEF, 0xBB, 0xBF})) return bom_length = 3, "utf-8";
  if (starts({0xFE, 0xFF})) return bom_length = 2, "utf-16be";
  if (starts({0xFF, 0xFE})) return bom_length = 2, "utf-16le";
  if (starts({0x00, 0x00, 0x00, 0x3C})) return "utf-32be";
  if (starts({0x3C, 0x00, 0x00, 0x00})) return "utf-32le";
  if (starts({0x00, 0x3C, 0x00, 0x3F})) return "utf-16be";
  if (starts({0x3C, 0x00, 0x3F, 0x00})) return "utf-16le";
  return {};
}

// encoding="…" of an XML declaration at the start of `text` (UTF-8).
std::string DeclaredEncoding(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  if (text.compare(start, 5, "<?xml") != 0) return {};
  std::size_t end = text.find("?>", start);
  if (end == std::string_view::npos) end = std::min(text.size(), start + 512);
  std::string_view decl = text.substr(start, end - start);
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  at += 8;
  while (at < decl.size() && (decl[at] == ' ' || decl[at] == '=' || decl[at] == '\t')) ++at;
  if (at >= decl.size() || (decl[at] != '"' && decl[at] != '\'')) return {};
  char quote = decl[at++];
  std::size_t close = decl.find(quote, at);
  if (close == std::string_view::npos) return {};
  return Lower(Trim(decl.substr(at, close - at)));
}

bool IsUnicodeFamily(std::string_view name) {
  return name.rfind("utf-16", 0) == 0 || name.rfind("utf-32", 0) == 0 || name == "ucs-2" ||
         name == "ucs-4" || name == "iso-10646-ucs-2" || name == "iso-10646-ucs-4" ||
         name == "csunicode" || name == "u16" || name == "u32" || name == "utf16" ||
         name == "utf_16" || name == "utf32" || name == "utf_32";
}

// Candidates from ICU's statistical charset detector, best first.
std::vector<std::string> DetectCharsets(std::string_view bytes) {
  std::vector<std::string> names;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorDeleter> csd(ucsdet_open(&err));
  if (U_FAILURE(err) || !csd) return names;
  // The markup is ASCII and says nothing about the text's charset.
  ucsdet_enableInputFilter(csd.get(), true);
  constexpr std::size_t kDetectBytes = 64 * 1024;
  std::string_view sample = bytes.substr(0, kDetectBytes);
  ucsdet_setText(csd.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(csd.get(), &count, &err);
  if (U_FAILURE(err)) return names;
  for (int32_t i = 0; i < count && i < 8; ++i) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &e);
    if (U_FAILURE(e) || name == nullptr) continue;
    std::string lower = Lower(name);
    // UTF-16/32 show in the first bytes (SniffEncoding); a statistical
    // guess of them for text whose markup is ASCII is always wrong.
    if (lower.rfind("utf-16", 0) == 0 || lower.rfind("utf-32", 0) == 0) continue;
    names.push_back(lower);
  }
  return names;
}

}  // namespace

std::optional<std::string_view> LookupHtmlEntity(std::string_view name) {
  auto it = std::lower_bound(std::begin(kHtmlEntities), std::end(kHtmlEntities), name,
                             [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  if (it == std::end(kHtmlEntities) || it->name != name) return std::nullopt;
  return it->utf8;
}

MediaType ParseMediaType(std::string_view content_type) {
  MediaType m;
  std::size_t semi = content_type.find(';');
  m.type = Lower(Trim(content_type.substr(0, semi)));
  while (semi != std::string_view::npos) {
    std::size_t next = content_type.find(';', semi + 1);
    std::string_view param = content_type.substr(
        semi + 1, next == std::string_view::npos ? std::string_view::npos : next - semi - 1);
    semi = next;
    std::size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    if (Lower(Trim(param.substr(0, eq))) != "charset") continue;
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    value = Trim(value);
    if (!value.empty()) m.charset = Lower(value);
  }
  return m;
}

std::string FixC1Controls(std::string_view utf8) {
  // windows-1252 0x80–0x9F; 0 where windows-1252 leaves the byte undefined.
  static constexpr char16_t kCp1252[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (utf8.find('\xC2') == std::string_view::npos) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC2 && i + 1 < utf8.size()) {
      auto n = static_cast<unsigned char>(utf8[i + 1]);
      if (n >= 0x80 && n <= 0x9F && kCp1252[n - 0x80] != 0) {
        char buf[4];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, kCp1252[n - 0x80]);
        out.append(buf, static_cast<std::size_t>(len));
        ++i;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string SniffableText(std::string_view bytes, std::size_t limit) {
  std::size_t bom = 0;
  std::string sniffed = SniffEncoding(bytes, bom);
  std::string_view head = bytes.substr(bom, limit);
  if (sniffed.empty() || sniffed == "utf-8") return std::string(head);
  // Cut UTF-16/32 on a code unit boundary before decoding.
  std::size_t unit = sniffed.rfind("utf-32", 0) == 0 ? 4 : 2;
  head = head.substr(0, head.size() - head.size() % unit);
  return Decode(head, sniffed, false).value_or(std::string());
}

DecodedXml DecodeXml(std::string_view bytes, std::string_view content_type) {
  DecodedXml out;
  std::size_t bom_length = 0;
  std::string bom_encoding = SniffEncoding(bytes, bom_length);
  std::string_view body = bytes.substr(bom_length);

  std::string head = SniffableText(bytes, 1024);
  std::string xml_encoding = DeclaredEncoding(head);
  // A document whose first bytes show it is UTF-16/32 and that declares some
  // UTF-16/32 is in the one its bytes show.
  if (!bom_encoding.empty() && bom_encoding != "utf-8" && IsUnicodeFamily(xml_encoding)) {
    xml_encoding = bom_encoding;
  }

  // RFC 3023: application/*xml takes the charset parameter, then the XML
  // declaration; text/*xml takes the charset parameter or else US-ASCII.
  MediaType media = ParseMediaType(content_type);
  std::string declared;
  std::string declared_by;
  bool application_xml = media.type == "application/xml" || media.type == "application/xml-dtd" ||
                         media.type == "application/xml-external-parsed-entity" ||
                         (media.type.rfind("application/", 0) == 0 && media.type.size() > 4 &&
                          media.type.compare(media.type.size() - 4, 4, "+xml") == 0);
  bool text_type = media.type.rfind("text/", 0) == 0;
  if (media.type.empty()) {
    declared = !xml_encoding.empty() ? xml_encoding : bom_encoding.empty() ? "utf-8" : bom_encoding;
  } else if (application_xml) {
    declared = media.charset ? *media.charset : !xml_encoding.empty() ? xml_encoding : "utf-8";
  } else if (text_type) {
    declared = media.charset ? *media.charset : "us-ascii";
  } else {
    declared = media.charset ? *media.charset : !xml_encoding.empty() ? xml_encoding : "utf-8";
  }

  std::vector<std::string> candidates;
  auto add = [&](const std::string& name) {
    if (name.empty()) return;
    std::string icu = IcuName(name);
    if (std::find(candidates.begin(), candidates.end(), icu) == candidates.end()) {
      candidates.push_back(icu);
    }
  };
  // A byte-order mark is the one unambiguous signal; it wins when it decodes.
  add(bom_length > 0 ? bom_encoding : std::string());
  add(declared);
  add(xml_encoding);
  add(bom_encoding);
  bool guessed = false;
  for (std::size_t i = 0;; ++i) {
    if (i == candidates.size()) {
      if (!guessed) {
        guessed = true;
        for (const std::string& name : DetectCharsets(body)) add(name);
        add("utf-8");
        add("windows-1252");
      }
      if (i == candidates.size()) break;
    }
    std::optional<std::string> text = Decode(body, candidates[i], true);
    if (!text) continue;
    out.utf8 = std::move(*text);
    out.encoding = candidates[i];
    std::string want = IcuName(declared);
    if (candidates[i] != want && (bom_length == 0 || i > 0)) {
      out.problem = "document declared as " + declared + ", but read as " + candidates[i];
    }
    return out;
  }
  // Nothing decodes cleanly: read it as UTF-8 with replacement characters.
  out.utf8 = Decode(body, "utf-8", false).value_or(std::string());
  out.encoding = "utf-8";
  out.problem = "document declared as " + declared + ", but is not valid in any known encoding";
  return out;
}

std::string LocalName(std::string_view qualified) {
  std::size_t colon = qualified.find(':');
  return Lower(colon == std::string_view::npos ? qualified : qualified.substr(colon + 1));
}

}  // namespace feeds_internal

namespace extract_internal {
namespace {

// Bytes of a page searched for a <meta> charset declaration. HTML's
// prescan reads 1,024; pages with long heads declare it later, and libxml2
// would follow a declaration wherever it is.
constexpr std::size_t kMetaPrescanBytes = 16 * 1024;

// The charset a <meta charset> or <meta http-equiv=Content-Type> near the
// top of the page declares, lower-cased; empty when none.
std::string MetaCharset(std::string_view bytes) {
  using feeds_internal::Lower;
  std::string_view head = bytes.substr(0, kMetaPrescanBytes);
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  std::size_t pos = 0;
  while ((pos = head.find('<', pos)) != std::string_view::npos) {
    if (head.size() - pos < 6 || lower(head[pos + 1]) != 'm' || lower(head[pos + 2]) != 'e' ||
        lower(head[pos + 3]) != 't' || lower(head[pos + 4]) != 'a') {
      ++pos;
      continue;
    }
    std::size_t end = head.find('>', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string tag = Lower(head.substr(pos, end - pos));
    pos = end;
    std::size_t at = tag.find("charset");
    if (at == std::string::npos) continue;
    at += 7;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '\t' || tag[at] == '\n')) ++at;
    if (at >= tag.size() || tag[at] != '=') continue;
    ++at;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '"' || tag[at] == '\'')) ++at;
    std::size_t stop = at;
    while (stop < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[stop])) || tag[stop] == '-' ||
            tag[stop] == '_' || tag[stop] == '.' || tag[stop] == ':')) {
      ++stop;
    }
    if (stop > at) return tag.substr(at, stop - at);
  }
  return {};
}

// Labels browsers read as windows-1252.
bool IsLatin1Label(std::string_view icu_name) {
  return icu_name == "iso-8859-1" || icu_name == "latin1" || icu_name == "l1" ||
         icu_name == "iso8859-1" || icu_name == "windows-1252" || icu_name == "cp1252" ||
         icu_name == "us-ascii";
}

bool HasMultibyteUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    auto n = static_cast<unsigned char>(bytes[i + 1]);
    if (c >= 0xC2 && c <= 0xF4 && (n & 0xC0) == 0x80) return true;
  }
  return false;
}

bool CanOpen(const std::string& icu_name) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, feeds_internal::ConverterDeleter> c(
      ucnv_open(icu_name.c_str(), &err));
  return U_SUCCESS(err) && c != nullptr;
}

}  // namespace

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view transport_charset) {
  DecodedHtml out;
  std::size_t bom = 0;
  std::string sniffed = feeds_internal::SniffEncoding(bytes, bom);
  std::string_view body = bytes.substr(bom);
  bool valid_utf8 = simdjson::validate_utf8(body.data(), body.size());

  // Declared charsets, strongest first. A byte-order mark wins over the
  // transport, as in HTML's encoding sniffing algorithm: it cannot be there
  // by accident.
  std::string charset, source;
  if (!sniffed.empty()) {
    charset = sniffed;
    source = bom > 0 ? "byte-order mark" : "first bytes";
  }
  auto consider = [&](std::string_view label, const char* from) {
    if (!charset.empty() || label.empty()) return;
    std::string name = feeds_internal::IcuName(label);
    // A page cannot declare itself UTF-16 in ASCII bytes: HTML reads it as UTF-8.
    if (feeds_internal::IsUnicodeFamily(name)) name = "utf-8";
    if (!CanOpen(name)) return;
    // Servers and CMSs default to Latin-1 for pages written in UTF-8; a
    // page that is valid UTF-8 with non-ASCII characters in it is UTF-8.
    if (IsLatin1Label(name) && valid_utf8 && HasMultibyteUtf8(body)) name = "utf-8";
    // Declared UTF-8 but not valid: UTF-8 with a few bad bytes if it has
    // UTF-8 characters at all, else a legacy page for the detector.
    if (name == "utf-8" && !valid_utf8 && !HasMultibyteUtf8(body)) return;
    charset = name;
    source = from;
  };
  consider(transport_charset, "transport");
  if (charset.empty()) consider(MetaCharset(body), "meta");
  if (charset.empty() && valid_utf8) {
    charset = "utf-8";
    source = "valid UTF-8";
  }
  if (charset.empty()) {
    for (const std::string& name : feeds_internal::DetectCharsets(body)) {
      std::string icu = feeds_internal::IcuName(name);
      if (icu == "iso-8859-1") icu = "windows-1252";
      if (icu == "utf-8" || !CanOpen(icu)) continue;
      if (feeds_internal::Decode(body, icu, true)) {
        charset = icu;
        source = "detected";
        break;
      }
    }
  }
  if (charset.empty()) {
    charset = "windows-1252";
    source = "default";
  }
  if (IsLatin1Label(charset)) charset = "windows-1252";
  out.charset = charset;
  out.source = source;
  if (charset == "utf-8" && valid_utf8) {
    out.bom_length = bom;
    return out;
  }
  out.converted = feeds_internal::Decode(body, charset, false).value_or(std::string());
  return out;
}

}  // namespace extract_internal

Result<std::string> ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string name = feeds_internal::IcuName(charset);
  if (name.empty()) return Status::Unsupported("no charset given");
  {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, feeds_internal::ConverterDeleter> probe(
        ucnv_open(name.c_str(), &err));
    if (U_FAILURE(err) || !probe) {
      return Status::Unsupported("unknown charset '" + std::string(charset) + "'");
    }
  }
  std::optional<std::string> text = feeds_internal::Decode(bytes, name, false);
  if (!text) return Status::Unsupported("unknown charset '" + std::string(charset) + "'");
  return std::move(*text);
}

DocumentKind SniffDocument(std::string_view bytes, std::string_view content_type) {
  using feeds_internal::Lower;
  feeds_internal::MediaType media = feeds_internal::ParseMediaType(content_type);
  const std::string& t = media.type;
  if (t == "application/rss+xml" || t == "application/atom+xml" || t == "application/rdf+xml" ||
      t == "application/feed+json" || t == "text/rss+xml" || t == "text/atom+xml") {
    return DocumentKind::kFeed;
  }
  if (t == "text/x-opml" || t == "text/x-opml+xml" || t == "application/x-opml+xml") {
    return DocumentKind::kOpml;
  }
  // Skip the byte-order mark, white space, the XML declaration, comments,
  // processing instructions and the DOCTYPE to reach the first element.
  std::string text = feeds_internal::SniffableText(bytes, 4096);
  std::string_view s = text;
  auto skip_ws = [&] {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  };
  for (int guard = 0; guard < 64; ++guard) {
    skip_ws();
    if (s.rfind("<?", 0) == 0) {
      std::size_t end = s.find("?>");
      s = end == std::string_view::npos ? std::string_view() : s.substr(end + 2);
    } else if (s.rfind("<!--", 0) == 0) {
      std::size_t end = s.find("-->");
      s = end == std::string_view::npos ? std::string_view() : s.substr(end + 3);
    } else if (s.rfind("<!", 0) == 0 && Lower(s.substr(0, 9)) == "<!doctype") {
      if (Lower(s.substr(0, 14)) == "<!doctype html") return DocumentKind::kHtml;
      std::size_t end = s.find('>');
      s = end == std::string_view::npos ? std::string_view() : s.substr(end + 1);
    } else {
      break;
    }
  }
  if (!s.empty() && s.front() == '{') {
    // Any JSON could start so: a JSON Feed names its version URL.
    return s.find("jsonfeed.org/version") != std::string_view::npos ? DocumentKind::kFeed
                                                                    : DocumentKind::kUnknown;
  }
  if (!s.empty() && s.front() == '<') {
    std::size_t end = 1;
    while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '>' &&
           s[end] != '/') {
      ++end;
    }
    std::string root = feeds_internal::LocalName(s.substr(1, end - 1));
    if (root == "rss" || root == "feed" || root == "rdf" || root == "channel") {
      return DocumentKind::kFeed;
    }
    if (root == "urlset" || root == "sitemapindex") return DocumentKind::kSitemap;
    if (root == "opml") return DocumentKind::kOpml;
    if (root == "html" || root == "head" || root == "body") return DocumentKind::kHtml;
  }
  if (t == "text/html" || t == "application/xhtml+xml") return DocumentKind::kHtml;
  // A plain-text sitemap is one URL a line.
  if ((t.empty() || t == "text/plain") && !s.empty()) {
    std::string first = Lower(s.substr(0, 8));
    if (first.rfind("http://", 0) == 0 || first.rfind("https://", 0) == 0) {
      return DocumentKind::kSitemap;
    }
  }
  return DocumentKind::kUnknown;
}

std::string CharsetOfContentType(std::string_view content_type) {
  return feeds_internal::ParseMediaType(content_type).charset.value_or("");
}

}  // namespace newsdesk

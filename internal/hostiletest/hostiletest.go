// Package hostiletest provides hostile text for tests of brief's
// terminal safety, as net/http/httptest provides servers: a named list
// of payloads (escape and control sequences, C1 controls, bidi
// overrides, invisible characters) to put in titles, bodies, link labels,
// feed names and file names, and Check, which reports any byte of a
// program's output that could act on the terminal rather than show as
// text.
//
// Check allows brief's own styling and nothing else: well-formed SGR
// sequences (ESC [ params m) whose parameters are colours and the text
// attributes lipgloss and glamour use. Blink (5, 6) and conceal (8) are
// never brief's, so a hostile SGR payload uses them and is caught even
// though its form is allowed. Everything else is reported: any other
// ESC, C0 controls but the newline, DEL, C1 controls (U+0080–U+009F),
// invalid UTF-8 (a lone 0x9b byte is CSI to an 8-bit terminal), the
// bidi embeddings, overrides and isolates, and the invisible characters
// brief removes. CheckTabular allows the TAB that separates the columns
// of brief list. CheckPTY also allows CR immediately before LF, which a
// terminal's line discipline (onlcr) adds to every newline a program
// writes, so output captured through a pseudo-terminal (script(1))
// carries it; a CR anywhere else can overwrite text and is reported.
//
// The checker is written apart from brief's sanitiser on purpose: a
// test that shares the code it tests cannot catch its mistakes.
package hostiletest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Payload is one piece of hostile text.
type Payload struct {
	// Name says what it is, for test names and messages.
	Name string
	// Text is the hostile text, with printable markers around the
	// sequence so that what is left of it can be found.
	Text string
	// Shown is what a reader must see of Text once it is made inert:
	// its markers with nothing between them, or the visible text the
	// sequence carried. It is short and has no spaces, so wrapping does
	// not split it; "" when nothing can be promised for every path.
	Shown string
	// Invalid is set when Text is not valid UTF-8: a file holding it is
	// read as Windows-1252, which changes every other payload in it.
	Invalid bool
	// Binary is set when Text holds a NUL byte: a file holding it is
	// refused as binary data, and XML cannot carry it.
	Binary bool
	// AtEnd is set for unterminated sequences, which mean what they
	// test only at the end of a string (or, in a file, of a line).
	AtEnd bool
}

// Payloads is every hostile text, the unterminated ones last.
var Payloads = []Payload{
	{Name: "OSC 0 title (BEL)", Text: "t0«\x1b]0;PWNED\x07»", Shown: "t0«»"},
	{Name: "OSC 0 title (ST)", Text: "t1«\x1b]0;PWNED\x1b\\»", Shown: "t1«»"},
	{Name: "OSC 2 title (8-bit ST)", Text: "t2«\x1b]2;PWNED\u009c»", Shown: "t2«»"},
	{Name: "OSC 52 clipboard", Text: "cb«\x1b]52;c;cHduZWQ=\x07»", Shown: "cb«»"},
	{Name: "OSC 8 hyperlink", Text: "hl«\x1b]8;;https://evil.example/\x1b\\LINKTEXT\x1b]8;;\x1b\\»", Shown: "hl«LINKTEXT»"},
	{Name: "CSI cursor movement", Text: "cu«\x1b[10A\x1b[5;5H\x1b[2K»", Shown: "cu«»"},
	{Name: "CSI 2J clear screen", Text: "cl«\x1b[2J\x1b[3J\x1b[H»", Shown: "cl«»"},
	{Name: "CSI ?1049h alternate screen", Text: "al«\x1b[?1049h\x1b[?25l»", Shown: "al«»"},
	{Name: "SGR conceal and blink", Text: "sg«\x1b[8;5mHIDDEN\x1b[0m»", Shown: "sg«HIDDEN»"},
	{Name: "DCS", Text: "dc«\x1bP1$qm\x1b\\»", Shown: "dc«»"},
	{Name: "APC and PM", Text: "ap«\x1b_apc\x1b\\\x1b^pm\x1b\\»", Shown: "ap«»"},
	{Name: "two-character ESC", Text: "es«\x1bc\x1b7\x1b8»", Shown: "es«»"},
	{Name: "C1 CSI U+009B", Text: "c1«\u009b2J\u009b31m»", Shown: "c1«»"},
	{Name: "C1 OSC U+009D", Text: "c2«\u009d0;PWNED\u009c»", Shown: "c2«»"},
	{Name: "other C1", Text: "c3«\u0085\u008d\u0090\u0096»", Shown: "c3«»"},
	{Name: "raw 0x9b byte (invalid UTF-8)", Text: "rb«\x9b2J\x9d0;PWNED\x07»", Invalid: true},
	{Name: "C0 controls", Text: "c0«\x07\x08\x0b\x0c\x01\x0e\x1a»", Shown: "c0«»"},
	{Name: "NUL", Text: "nu«\x00»", Shown: "nu«»", Binary: true},
	{Name: "CR overwrite", Text: "cr«\rOVERWRITE»", Shown: "OVERWRITE»"},
	{Name: "DEL", Text: "de«\x7f»", Shown: "de«»"},
	{Name: "bidi override", Text: "bo«\u202eDESREVER\u202c»", Shown: "bo«DESREVER»"},
	{Name: "bidi embeddings", Text: "be«\u202a\u202b\u202dx\u202c»", Shown: "be«x»"},
	{Name: "bidi isolates", Text: "bi«\u2066\u2067\u2068ISO\u2069»", Shown: "bi«ISO»"},
	{Name: "zero width", Text: "zw«Z\u200bE\u2060R\ufeffO\u180eW\u2062»", Shown: "zw«ZEROW»"},
	{Name: "tag characters", Text: "tg«\U000E0001\U000E0041\U000E0062\U000E007F»", Shown: "tg«»"},
	{Name: "line and paragraph separators", Text: "ls«\u2028\u2029»", Shown: "ls«"},
	{Name: "unterminated CSI", Text: "uc«\x1b[12;", Shown: "uc«", AtEnd: true},
	{Name: "unterminated OSC", Text: "uo«\x1b]0;PWNED", Shown: "uo«", AtEnd: true},
	{Name: "lone ESC at end", Text: "ue«\x1b", Shown: "ue«", AtEnd: true},
}

// Join is the texts of ps in one string, separated by sep: a title or
// paragraph that carries them all. Put unterminated ones last, as
// Payloads does.
func Join(ps []Payload, sep string) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, p.Text)
	}
	return strings.Join(parts, sep)
}

// Valid is the payloads whose Text is valid UTF-8: those a Go string
// field, JSON or a UTF-8 file can carry unchanged.
func Valid() []Payload {
	return filter(func(p Payload) bool { return !p.Invalid })
}

// ForFiles is the payloads a text file can carry without being refused
// as binary or re-read as another encoding: valid UTF-8, no NUL.
func ForFiles() []Payload {
	return filter(func(p Payload) bool { return !p.Invalid && !p.Binary })
}

// Terminated is ForFiles without the unterminated sequences: those
// that may sit anywhere in a line.
func Terminated() []Payload {
	return filter(func(p Payload) bool { return !p.Invalid && !p.Binary && !p.AtEnd })
}

func filter(keep func(Payload) bool) []Payload {
	var ps []Payload
	for _, p := range Payloads {
		if keep(p) {
			ps = append(ps, p)
		}
	}
	return ps
}

// ownSGR is the form of brief's styling.
var ownSGR = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// Strip returns out without brief's own styling: what Check examines
// and the text a reader sees.
func Strip(out []byte) []byte {
	return ownSGR.ReplaceAllFunc(out, func(seq []byte) []byte {
		if isOwnSGR(string(ownSGR.FindSubmatch(seq)[1])) {
			return nil
		}
		return seq
	})
}

// isOwnSGR reports whether SGR parameters are ones brief uses: any
// colour, and attributes other than blink (5, 6) and conceal (8).
func isOwnSGR(params string) bool {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	for i := 0; i < len(ps); i++ {
		n, err := strconv.Atoi(ps[i])
		if err != nil {
			return false
		}
		switch n {
		case 5, 6, 8:
			return false
		case 38, 48, 58: // extended colour: 5;n or 2;r;g;b
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return true
}

// Check reports every byte of out, brief's styling set aside, that a
// terminal would act on rather than show.
func Check(out []byte) error { return check(out, false, false) }

// CheckPTY is Check for output captured through a pseudo-terminal,
// which turns each LF into CR LF: a CR right before an LF is allowed.
func CheckPTY(out []byte) error { return check(out, true, false) }

// CheckTabular is Check for output whose columns brief separates with
// tabs (brief list): a TAB is allowed. It can move the cursor only
// forward, over blank cells; brief turns every tab of untrusted text
// into a space, so a tab in the output is brief's own.
func CheckTabular(out []byte) error { return check(out, false, true) }

func check(out []byte, crlf, tab bool) error {
	s := Strip(out)
	var problems []string
	for i := 0; i < len(s) && len(problems) < 5; {
		r, size := utf8.DecodeRune(s[i:])
		what := ""
		switch {
		case r == utf8.RuneError && size == 1:
			what = fmt.Sprintf("invalid UTF-8 byte %#x", s[i])
		case r == '\n', r == '\t' && tab:
		case r == '\r' && crlf && i+1 < len(s) && s[i+1] == '\n':
		case r == 0x1b:
			what = "ESC"
		case r < 0x20:
			what = fmt.Sprintf("C0 control %U", r)
		case r == 0x7f:
			what = "DEL"
		case r >= 0x80 && r < 0xa0:
			what = fmt.Sprintf("C1 control %U", r)
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			what = fmt.Sprintf("bidi control %U", r)
		case r == 0x200b, r >= 0x2060 && r <= 0x2064, r >= 0x206a && r <= 0x206f, r == 0xfeff,
			r == 0x180e, r >= 0xfff9 && r <= 0xfffb, r >= 0xe0000 && r <= 0xe007f:
			what = fmt.Sprintf("invisible %U", r)
		case r == 0x2028 || r == 0x2029:
			what = fmt.Sprintf("separator %U", r)
		}
		if what != "" {
			problems = append(problems, fmt.Sprintf("%s at byte %d in %q", what, i, context(s, i)))
		}
		i += size
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("output would act on the terminal: %s", strings.Join(problems, "; "))
}

func context(s []byte, i int) []byte {
	from, to := max(i-24, 0), min(i+24, len(s))
	return s[from:to]
}

// CheckShown reports the payloads whose Shown text is not in out (its
// styling stripped): a sequence that ate the text around it, or one
// left in place.
func CheckShown(out []byte, ps ...Payload) error {
	s := Strip(out)
	var missing []string
	for _, p := range ps {
		if p.Shown != "" && !bytes.Contains(s, []byte(p.Shown)) {
			missing = append(missing, fmt.Sprintf("%s (%q)", p.Name, p.Shown))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("not shown: %s", strings.Join(missing, ", "))
}

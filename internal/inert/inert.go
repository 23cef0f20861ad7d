// Package inert holds brief's one rule for which characters of untrusted
// text (articles, feeds, pages, file names) must never reach a terminal.
// reader.Clean applies it, with the escape sequences those characters
// start; the summarizer applies it to what it decodes itself. It has no
// dependencies, so every package that prints text can share it.
package inert

// Dropped reports whether r is removed from untrusted text: a C0 control
// other than newline and tab, DEL, a C1 control, a bidi control (Bidi) or
// an invisible character (Invisible). ESC and the C1 CSI/OSC also take
// the sequence they start with them, which is reader.Clean's work.
func Dropped(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || Bidi(r) || Invisible(r)
}

// LineSeparator reports U+2028 and U+2029, which some terminals break a
// line at and others show as nothing: they become a newline.
func LineSeparator(r rune) bool { return r == 0x2028 || r == 0x2029 }

// Bidi matches the embedding, override and isolate controls ("Trojan
// Source"); plain marks like U+200E are harmless and kept.
func Bidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Invisible matches the characters that show nothing and join nothing,
// which can hide text or make two strings that look the same differ
// (a spoofed title, a link label that is not what it seems, "ASCII
// smuggling" in tag characters): zero width space U+200B, word joiner
// and invisible operators U+2060–U+2064, the deprecated format controls
// U+206A–U+206F, the byte-order mark / zero width no-break space U+FEFF
// anywhere in the text, the Mongolian vowel separator U+180E,
// interlinear annotation controls U+FFF9–U+FFFB and the tag characters
// U+E0000–U+E007F. The last take the subdivision flags (Scotland, Wales)
// down to a plain black flag: a small price for text that hides nothing.
//
// Kept, because text needs them: the zero width joiner U+200D and non-
// joiner U+200C (emoji sequences, Persian, Arabic and Indic scripts),
// the left-to-right and right-to-left marks U+200E/U+200F and U+061C
// (they only nudge neutral characters; the overrides and isolates that
// reorder text are removed by Bidi), the soft hyphen U+00AD and the
// variation selectors (emoji presentation).
func Invisible(r rune) bool {
	switch {
	case r == 0x200b, r >= 0x2060 && r <= 0x2064, r >= 0x206a && r <= 0x206f,
		r == 0xfeff, r == 0x180e, r >= 0xfff9 && r <= 0xfffb, r >= 0xe0000 && r <= 0xe007f:
		return true
	}
	return false
}

// Package present is how brief shows an article, in the reader (ui) and
// on the command line (cmd/brief) alike: the meta line, the escaping of
// plain text put into markdown, the summary's markdown and its notices,
// the excerpt of a long body and its truncation notice, the reading
// form of a body (link text without targets, no images), and the one
// glamour pipeline (a centred reading measure, the hyphen guard, hanging
// list indents). One package, so that `brief read`, `brief summary` and
// the reader's views say the same things in the same words.
//
// It renders strings and holds no state: it knows nothing of bubbletea,
// and the domain packages (reader, summarizer, library) know nothing of
// it. Untrusted text reaches it cleaned (reader.Clean) or is cleaned
// here before it is rendered (reader.CleanMarkdown in ForRenderer).
package present

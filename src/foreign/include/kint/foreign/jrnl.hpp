#pragma once
// jrnl (jrnl.sh), the command-line journal: its plain-text journal file or its `jrnl --export
// json`, as kint journal entries. The two are told apart by their content (JSON begins with '{').
//
// Plain text: entries begin at a line `[DAY TIME] Title...`, DAY being YYYY-MM-DD and TIME what
// jrnl's timeformats write: 09:30, 09:30:15, 09:30 PM, 09:30:15 AM (jrnl's default "%F %r"), or
// nothing. A line beginning `[YYYY-MM-DD` that is not such a header is bad_file (jrnl would read
// it as text of the entry before). A first line ending in '*' stars the entry. jrnl's own
// rules split title from body: up to the first line break, or else after the first sentence
// (". ", "! ", "? "...).
// JSON: {"tags": {...}, "entries": [{"title", "body", "date", "time", "tags", "starred"}]}.
//
// Each entry is one JournalEntry: its day (the time is not kept); text = title, then a line break,
// then body (as jrnl writes an entry back to its file), so the plain file and its JSON export give
// the same records; tags = its @tags and #tags (jrnl's default tag symbols) made one kint word
// (lowercase; / + * # become -; a tag with letters outside a-z cannot be one and stays only in
// the text, with a note); a starred entry is tagged `starred`. Control characters are left out
// (newlines and tabs stay), with a note. Entries dated after `today`, and empty ones, are left
// out with a note.
#include "kint/foreign/source.hpp"

#include <string>
#include <string_view>

namespace kint::foreign {

Source read_jrnl(const std::string& path, Day today);

// The same from the file's text; messages name it `file`.
Source parse_jrnl(std::string_view text, std::string_view file, Day today);

} // namespace kint::foreign

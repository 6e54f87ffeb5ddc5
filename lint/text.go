package lint

import "regexp"

// Bytes and comments of a line, as several rules read them.

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == flatCode
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

// commentRe is a comment after a value: # ..., // ..., ; ...
var commentRe = regexp.MustCompile(`(^|\s)(#|//|;)\s*\S`)

package lint

// nearMissDistance is the optimal string alignment distance of a and b:
// insertions, deletions, substitutions and transpositions of two adjacent
// characters ("oics" is one from "ocis"), compared byte by byte.
func nearMissDistance(a, b string) int {
	if a == b {
		return 0
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// nearMiss: a is one or two edits from b but not b; names shorter than
// long get one edit only, as two edits make most short words of any other.
func nearMiss(a, b string, long int) bool {
	d := nearMissDistance(a, b)
	if d == 0 {
		return false
	}
	if len(a) < long || len(b) < long {
		return d == 1
	}
	return d <= 2
}

package content

import "strings"

// suggest returns the allowed word closest to a mistyped one, or "" when
// none is close enough to be a likely typo.
func suggest(word string, allowed []string) string {
	best, bestDist := "", 3
	if len(word) <= 3 {
		bestDist = 2
	}
	lw := strings.ToLower(word)
	for _, a := range allowed {
		d := distance(lw, strings.ToLower(a))
		if d < bestDist {
			best, bestDist = a, d
		}
	}
	return best
}

// distance is the Levenshtein edit distance between a and b, counting an
// adjacent swap as one edit.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 30
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Package history reads how each council's answers changed from the
// content's git history, as Hugo's enableGitInfo reads pages' dates: one
// `git log` and one `git cat-file --batch` for the whole history, each
// version of a council file decoded and compared with the one before.
//
// A folder that is not a git repository, or a shallow clone, has no history
// to read: Read says so, and a build goes on without it.
package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
)

// Dir is the folder whose files' history is read.
const Dir = "content/councils"

// Change is one answer that changed: its question, and the answer before
// and after (nil where there was none).
type Change struct {
	Question *offer.Question
	Old, New *offer.Answer
}

// Entry is one commit's changes to a council's answers.
type Entry struct {
	Date    time.Time
	Commit  string // the commit's full hash
	Subject string // the commit message's first line
	// First is set on a file's first version: every answer is new.
	First   bool
	Changes []Change // in catalogue order
}

// Log is the history of every council file, by its path (content/councils/
// leicester.md), newest entry first.
type Log struct {
	Files map[string][]Entry
}

// Of returns the entries for a council file, newest first.
func (l *Log) Of(file string) []Entry {
	if l == nil {
		return nil
	}
	return l.Files[file]
}

// mayBeRepository reports whether dir may be in a git repository: whether
// it or a folder above it holds .git, or git is told where one is. A build
// of a folder that is not spends no time starting git to find out.
func mayBeRepository(dir string) bool {
	if os.Getenv("GIT_DIR") != "" {
		return true
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return true
	}
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return true
		}
		up := filepath.Dir(abs)
		if up == abs {
			return false
		}
		abs = up
	}
}

// ErrNoHistory is returned for a folder with no full git history.
var ErrNoHistory = errors.New("no git history")

// Read reads the history of the council files in the git repository at
// dir. now is passed to the decoder, as a build's date is.
func Read(dir string, now time.Time) (*Log, error) {
	if !mayBeRepository(dir) {
		return nil, fmt.Errorf("%w: %s is not a git repository", ErrNoHistory, dir)
	}
	out, err := git(dir, nil, "rev-parse", "--is-shallow-repository")
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %s is not a git repository, or git is not installed", ErrNoHistory, dir)
	case strings.TrimSpace(string(out)) == "true":
		return nil, fmt.Errorf("%w: %s is a shallow clone", ErrNoHistory, dir)
	}
	out, err = git(dir, nil, "log", "--reverse", "--no-renames", "--format=%x1e%H %ct %s", "--name-only", "--", Dir)
	if err != nil {
		return nil, err
	}
	versions := map[string][]version{}
	var order []string // files, in the order first seen
	var specs bytes.Buffer
	for _, rec := range strings.Split(string(out), "\x1e") {
		head, names, _ := strings.Cut(rec, "\n")
		fields := strings.SplitN(head, " ", 3)
		if len(fields) < 2 {
			continue
		}
		sec, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("git log: %q: %w", head, err)
		}
		v := version{commit: fields[0], date: time.Unix(sec, 0).UTC()}
		if len(fields) == 3 {
			v.subject = fields[2]
		}
		for _, name := range strings.Split(names, "\n") {
			if !strings.HasPrefix(name, Dir+"/") || !strings.HasSuffix(name, ".md") {
				continue
			}
			if _, ok := versions[name]; !ok {
				order = append(order, name)
			}
			versions[name] = append(versions[name], v)
		}
	}
	for _, name := range order {
		for _, v := range versions[name] {
			fmt.Fprintf(&specs, "%s:%s\n", v.commit, name)
		}
	}
	blobs, err := catFiles(dir, specs.Bytes())
	if err != nil {
		return nil, err
	}
	// Each file's versions are decoded and compared in turn; files are
	// shared among the processors: decoding is most of the time.
	first := make([]int, len(order)) // where each file's blobs start
	for i, n := 1, 0; i < len(order); i++ {
		n += len(versions[order[i-1]])
		first[i] = n
	}
	files := make([][]Entry, len(order))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				files[f] = entries(order[f], versions[order[f]], blobs[first[f]:], now)
			}
		})
	}
	for f := range order {
		next <- f
	}
	close(next)
	wg.Wait()
	log := &Log{Files: make(map[string][]Entry, len(order))}
	for f, name := range order {
		log.Files[name] = files[f]
	}
	return log, nil
}

// version is one commit's copy of a file.
type version struct {
	commit, subject string
	date            time.Time
}

// entries decodes a file's versions, oldest first, with their blobs, and
// returns the changes each made, newest first.
func entries(name string, versions []version, blobs [][]byte, now time.Time) []Entry {
	var before *offer.Council
	var out []Entry
	for i, v := range versions {
		var after *offer.Council
		if blobs[i] != nil {
			after = content.DecodeCouncil(name, blobs[i], now)
			if after == nil {
				continue // a version that does not decode is skipped
			}
		}
		if changes := diff(before, after); len(changes) > 0 {
			out = append(out, Entry{Date: v.date, Commit: v.commit, Subject: v.subject, First: before == nil, Changes: changes})
		}
		before = after
	}
	slices.Reverse(out)
	return out
}

// diff lists the answers that differ between two versions of a council,
// in catalogue order.
func diff(before, after *offer.Council) []Change {
	var out []Change
	for i := range offer.Catalogue {
		q := &offer.Catalogue[i]
		var a, b *offer.Answer
		if before != nil {
			a = before.Answers.Get(q.Key)
		}
		if after != nil {
			b = after.Answers.Get(q.Key)
		}
		if !same(a, b) {
			out = append(out, Change{Question: q, Old: a, New: b})
		}
	}
	return out
}

// same reports whether two answers say the same: the same status, value,
// figures, ages and conditions. Where the words come from (quote, source)
// and how they are put (details) are not the answer.
func same(a, b *offer.Answer) bool {
	if a == nil || b == nil {
		return a == b
	}
	key := func(x *offer.Answer) string {
		return fmt.Sprint(x.Status, "|", x.Value, "|", x.Values(), "|", x.Pounds(), "|", x.Qualifier(), "|", x.Per, "|", x.FromAge, "|", x.ToAge,
			"|", x.Basis, "|", x.Scope, "|", x.Condition(), "|", x.MeansTest, "|", x.Anywhere, "|", countOf(x), "|", pctOf(x))
	}
	return key(a) == key(b)
}

func countOf(a *offer.Answer) string {
	if a.Count == nil {
		return ""
	}
	return fmt.Sprint(*a.Count)
}

func pctOf(a *offer.Answer) string {
	if a.Pct == nil {
		return ""
	}
	return strconv.Itoa(*a.Pct)
}

// git runs git in dir with stdin as its input, and returns its output.
func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// catFiles reads the files named by specs ("commit:path", a line each)
// with one `git cat-file --batch`; a file a commit deleted is nil.
func catFiles(dir string, specs []byte) ([][]byte, error) {
	out, err := git(dir, bytes.NewReader(specs), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	var blobs [][]byte
	for range bytes.Count(specs, []byte("\n")) {
		head, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		fields := strings.Fields(head)
		if len(fields) == 2 && fields[1] == "missing" {
			blobs = append(blobs, nil)
			continue
		}
		if len(fields) != 3 {
			return nil, fmt.Errorf("git cat-file: unexpected %q", head)
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file: %q: %w", head, err)
		}
		blob := make([]byte, size+1) // and its newline
		if _, err := io.ReadFull(r, blob); err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		blobs = append(blobs, blob[:size])
	}
	return blobs, nil
}

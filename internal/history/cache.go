package history

import (
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/localoffer/localoffer/internal/offer"
)

// cacheVersion changes whenever what is cached changes shape.
const cacheVersion = 3 // 2: answers keep what few give in Answer.More; 3: status, basis, scope and per are bytes

// ReadCached is Read, kept in the user's cache folder between builds: a
// build reads the whole history again only when a commit has changed the
// council files, or the program or its catalogue has changed. Reading the
// history takes a third of a second for the national content; a cached
// one, a few milliseconds. Where there is no cache folder, it is Read.
func ReadCached(dir string, now time.Time) (*Log, error) {
	if !mayBeRepository(dir) {
		return Read(dir, now) // which says so, without starting git
	}
	file, key, err := cacheKey(dir)
	if err != nil {
		return Read(dir, now)
	}
	if log := loadCache(file, key); log != nil {
		return log, nil
	}
	log, err := Read(dir, now)
	if err == nil {
		saveCache(file, key, log)
	}
	return log, err
}

// cacheKey is where dir's history is cached, and what it must match: the
// last commit that changed the council files, the catalogue's questions,
// and the program itself (its size and time), whose decoding may change.
func cacheKey(dir string) (file, key string, err error) {
	out, err := git(dir, nil, "log", "-1", "--format=%H", "--", Dir)
	if err != nil {
		return "", "", fmt.Errorf("%w: %v", ErrNoHistory, err)
	}
	exe, err := os.Executable()
	if err != nil {
		return "", "", err
	}
	info, err := os.Stat(exe)
	if err != nil {
		return "", "", err
	}
	var questions strings.Builder
	for i := range offer.Catalogue {
		questions.WriteString(offer.Catalogue[i].Key + " ")
	}
	sum := sha256.Sum256([]byte(questions.String()))
	key = fmt.Sprintf("%d %s %x %d %d", cacheVersion, strings.TrimSpace(string(out)), sum[:8], info.Size(), info.ModTime().UnixNano())
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", "", err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	where := sha256.Sum256([]byte(abs))
	return filepath.Join(cache, "localoffer", "history-"+hex.EncodeToString(where[:8])+".gob"), key, nil
}

// cached is a Log as the cache holds it: questions by their keys.
type cached struct {
	Key   string
	Files map[string][]cachedEntry
}

type cachedEntry struct {
	Date            time.Time
	Commit, Subject string
	First           bool
	Changes         []cachedChange
}

type cachedChange struct {
	Key      string
	Old, New *offer.Answer
}

func loadCache(file, key string) *Log {
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	var c cached
	if err := gob.NewDecoder(f).Decode(&c); err != nil || c.Key != key {
		return nil
	}
	log := &Log{Files: make(map[string][]Entry, len(c.Files))}
	for name, entries := range c.Files {
		out := make([]Entry, len(entries))
		for i, e := range entries {
			out[i] = Entry{Date: e.Date, Commit: e.Commit, Subject: e.Subject, First: e.First}
			for _, ch := range e.Changes {
				q := offer.Lookup(ch.Key)
				if q == nil {
					return nil
				}
				out[i].Changes = append(out[i].Changes, Change{Question: q, Old: ch.Old, New: ch.New})
			}
		}
		log.Files[name] = out
	}
	return log
}

// saveCache writes the cache, to a new file moved into place, so that two
// builds at once never read half a file; a cache that cannot be written is
// no loss.
func saveCache(file, key string, log *Log) {
	c := cached{Key: key, Files: make(map[string][]cachedEntry, len(log.Files))}
	for name, entries := range log.Files {
		out := make([]cachedEntry, len(entries))
		for i, e := range entries {
			out[i] = cachedEntry{Date: e.Date, Commit: e.Commit, Subject: e.Subject, First: e.First}
			for _, ch := range e.Changes {
				out[i].Changes = append(out[i].Changes, cachedChange{ch.Question.Key, ch.Old, ch.New})
			}
		}
		c.Files[name] = out
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "history-*.tmp")
	if err != nil {
		return
	}
	err = gob.NewEncoder(tmp).Encode(c)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		os.Remove(tmp.Name())
	}
}

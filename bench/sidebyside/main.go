// Command sidebyside times localoffer against Hugo on the same synthetic
// content and prints one table.
//
// For each size it writes a project with bench/synth, then builds it with
// both tools in turn, each build into a fresh, empty folder: one warm-up round
// that is not counted, then the timed rounds, alternating which tool goes
// first. The built folders are removed only when every size is done: on a
// file system that is slow to reuse the files of a folder just deleted (ext4
// without a journal checks each recently freed inode before handing out a new
// one, for a minute and more), removing one build's output before the next
// would time the deletion's after-effects, and charge them to whichever tool
// writes more files. Every build must exit 0 and write a page for every council, so a
// broken build cannot look fast. Hugo builds the site in bench/hugo, which
// reads the same content files through module mounts.
//
// Hugo is installed with go install into a temporary folder, pinned to
// hugoVersion, unless -hugo names a binary.
//
//	go run ./bench/sidebyside
//	go run ./bench/sidebyside -sizes 317,10000,100000 -rounds 5,3,1
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// hugoModule is the Hugo release the benchmark compares against: the newest
// that builds with the Go version this module needs.
const (
	hugoModule  = "github.com/gohugoio/hugo"
	hugoVersion = "v0.165.0"
)

// sourceDateEpoch fixes localoffer's idea of today, so that every build makes
// the same pages (answers older than 18 months are marked).
const sourceDateEpoch = "1798761600" // 2027-01-01

func main() {
	sizes := flag.String("sizes", "317,10000", "comma-separated numbers of councils (100000 takes about a quarter of an hour more)")
	rounds := flag.String("rounds", "", "timed rounds: one number for every size, or one per size (default 5 up to 1,000 councils, 3 up to 20,000, then 1)")
	warmup := flag.String("warmup", "", "warm-up rounds, not timed: one number for every size, or one per size (default 1 up to 20,000 councils, then 0)")
	hugo := flag.String("hugo", "", "Hugo binary to use instead of installing "+hugoModule+"@"+hugoVersion)
	root := flag.String("root", ".", "the localoffer module: its bench/synth, bench/hugo and cmd/localoffer")
	keep := flag.Bool("keep", false, "keep the temporary folder with the generated projects and every build of them")
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	ns, err := parseList(*sizes, 0)
	if err == nil {
		var rs, ws []int
		if rs, err = parseList(cmp.Or(*rounds, defaults(ns, 5, 3, 1)), len(ns)); err == nil {
			if ws, err = parseList(cmp.Or(*warmup, defaults(ns, 1, 1, 0)), len(ns)); err == nil {
				err = run(plan{sizes: ns, rounds: rs, warmup: ws, hugo: *hugo, root: *root, keep: *keep})
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sidebyside:", err)
		os.Exit(1)
	}
}

type plan struct {
	sizes, rounds, warmup []int
	hugo, root            string
	keep                  bool
}

// defaults lists, for each size, small up to 1,000 councils, medium up to
// 20,000 and large above: a build of 100,000 councils takes minutes.
func defaults(sizes []int, small, medium, large int) string {
	var out []string
	for _, n := range sizes {
		v := large
		switch {
		case n <= 1000:
			v = small
		case n <= 20000:
			v = medium
		}
		out = append(out, strconv.Itoa(v))
	}
	return strings.Join(out, ",")
}

// parseList reads comma-separated positive numbers. With want > 0, a single
// number stands for want copies of itself, and a longer list is cut to want
// entries.
func parseList(s string, want int) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q: want comma-separated whole numbers", s)
		}
		out = append(out, n)
	}
	switch {
	case want == 0:
		for _, n := range out {
			if n == 0 {
				return nil, fmt.Errorf("%q: a size must be at least 1", s)
			}
		}
		return out, nil
	case len(out) == 1:
		for len(out) < want {
			out = append(out, out[0])
		}
	case len(out) < want:
		return nil, fmt.Errorf("%q: want one number, or one for each of the %d sizes", s, want)
	}
	return out[:want], nil
}

func run(p plan) error {
	root, err := filepath.Abs(p.root)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "bench", "hugo", "hugo.toml")); err != nil {
		return fmt.Errorf("-root %s: not the localoffer module (%v)", p.root, err)
	}
	tmp, err := os.MkdirTemp("", "localoffer-bench-")
	if err != nil {
		return err
	}
	if p.keep {
		progress("keeping %s", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	bin := filepath.Join(tmp, "bin")

	// The tools, built once.
	for _, pkg := range []string{"cmd/localoffer", "bench/synth"} {
		progress("building %s", pkg)
		if err := goCmd(root, nil, "build", "-o", bin+string(filepath.Separator), "./"+pkg); err != nil {
			return err
		}
	}
	hugo := p.hugo
	var install time.Duration
	if hugo == "" {
		progress("installing %s@%s (minutes the first time, seconds once Go has cached the build)", hugoModule, hugoVersion)
		start := time.Now()
		if err := goCmd(root, []string{"GOBIN=" + bin}, "install", hugoModule+"@"+hugoVersion); err != nil {
			return fmt.Errorf("installing Hugo: %w", err)
		}
		install = time.Since(start)
		hugo = filepath.Join(bin, "hugo")
		progress("installed Hugo in %s", round(install))
	}
	env := environment(hugo)
	progress("%s", env)

	localoffer := tool{name: "localoffer", args: func(project, out string) []string {
		return []string{filepath.Join(bin, "localoffer"), "build", "-root", project, "-out", out}
	}}
	var results []result
	for i, n := range p.sizes {
		dir := filepath.Join(tmp, strconv.Itoa(n))
		project := filepath.Join(dir, "project")
		progress("%d councils: writing the project", n)
		start := time.Now()
		if err := command(root, nil, filepath.Join(bin, "synth"), "-n", strconv.Itoa(n), "-out", project, "-root", root); err != nil {
			return fmt.Errorf("bench/synth: %w", err)
		}
		if got, err := countFiles(filepath.Join(project, "content", "councils"), ".md"); err != nil || got != n {
			return fmt.Errorf("bench/synth -n %d wrote %d council files (%v)", n, got, err)
		}
		progress("%d councils: wrote the project in %s", n, round(time.Since(start)))
		mounts := filepath.Join(dir, "hugo-content.toml")
		if err := os.WriteFile(mounts, []byte(hugoMounts(project)), 0o644); err != nil {
			return err
		}
		hugoTool := tool{name: "hugo", args: func(_, out string) []string {
			site := filepath.Join(root, "bench", "hugo")
			return []string{hugo, "--minify", "--noBuildLock",
				"-s", site, "--config", filepath.Join(site, "hugo.toml") + "," + mounts,
				"--cacheDir", filepath.Join(dir, "hugo-cache"), "-d", out}
		}}
		tools := []tool{hugoTool, localoffer}
		times := make([][]time.Duration, len(tools))
		rss := make([]int64, len(tools))
		total := p.warmup[i] + p.rounds[i]
		for r := range total {
			timed := r >= p.warmup[i]
			for k := range tools {
				t := (k + r) % len(tools) // alternate which tool goes first
				m, err := measure(tools[t], project, dir, n)
				if err != nil {
					return fmt.Errorf("%d councils: %w", n, err)
				}
				what := "warm-up"
				if timed {
					what = fmt.Sprintf("round %d/%d", r-p.warmup[i]+1, p.rounds[i])
					times[t] = append(times[t], m.wall)
					rss[t] = max(rss[t], m.maxRSS)
				}
				progress("%d councils: %-10s %s: %s, %d MiB%s", n, tools[t].name, what, round(m.wall), m.maxRSS>>10, m.note)
			}
		}
		if p.rounds[i] == 0 {
			continue
		}
		for t := range tools {
			results = append(results, result{councils: n, tool: tools[t].name, times: times[t], maxRSS: rss[t]})
		}
	}

	fmt.Println(env)
	if install > 0 {
		fmt.Printf("Hugo installed with go install in %s\n", round(install))
	}
	fmt.Println()
	fmt.Print(table(results))
	return nil
}

// A tool is one of the two site generators, and how to run it.
type tool struct {
	name string
	args func(project, out string) []string
}

// A measurement is one build.
type measurement struct {
	wall   time.Duration
	maxRSS int64 // KiB
	note   string
}

// measure builds the project with t into a fresh folder and checks the
// build; only the build itself is timed. The folder stays, inside dir, for
// the run's end to remove.
func measure(t tool, project, dir string, councils int) (measurement, error) {
	out, err := os.MkdirTemp(dir, "out-"+t.name+"-")
	if err != nil {
		return measurement{}, err
	}
	logName := out + ".log"
	log, err := os.Create(logName)
	if err != nil {
		return measurement{}, err
	}
	defer os.Remove(logName)
	defer log.Close()

	args := t.args(project, out)
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+sourceDateEpoch)
	cmd.Stdout, cmd.Stderr = log, log
	// Start each build with the disk quiet: the last build's files written
	// out first, so neither tool pays for the other.
	syscall.Sync()
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measurement{}, fmt.Errorf("%s: %v\n%s", t.name, err, tail(logName, 20))
	}
	m := measurement{wall: wall}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.maxRSS = int64(ru.Maxrss) // KiB on Linux
	}
	pages, err := countPages(filepath.Join(out, "councils"))
	if err != nil || pages != councils {
		return measurement{}, fmt.Errorf("%s wrote %d council pages, want %d (%v)\n%s", t.name, pages, councils, err, tail(logName, 20))
	}
	if t.name == "hugo" {
		if w := warnings(logName); w != "" {
			m.note = "; " + w
		}
	}
	return m, nil
}

// countPages counts the folders in dir that hold an index.html.
func countPages(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), "index.html")); err == nil {
				n++
			}
		}
	}
	return n, err
}

// countFiles counts the files in dir whose names end in ext.
func countFiles(dir, ext string) (int, error) {
	entries, err := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
			n++
		}
	}
	return n, err
}

// hugoMounts is a Hugo config file that mounts a project's content, in place
// of the mounts in bench/hugo/hugo.toml. Hugo's home page is _index.md.
func hugoMounts(project string) string {
	content := filepath.Join(project, "content")
	return fmt.Sprintf(`[[module.mounts]]
source = %q
target = "content"
files = ["! index.md"]

[[module.mounts]]
source = %q
target = "content/_index.md"
`, content, filepath.Join(content, "index.md"))
}

// warnings summarises the WARN and ERROR lines Hugo logged, if any.
func warnings(logName string) string {
	f, err := os.Open(logName)
	if err != nil {
		return ""
	}
	defer f.Close()
	n, first := 0, ""
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := s.Text(); strings.HasPrefix(line, "WARN") || strings.HasPrefix(line, "ERROR") {
			if n == 0 {
				first = line
			}
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d warnings, the first: %s", n, first)
}

// tail returns the last lines of a file, for error messages.
func tail(name string, lines int) string {
	data, _ := os.ReadFile(name)
	all := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	return strings.Join(all[max(0, len(all)-lines):], "\n")
}

// environment describes the Go, Hugo, CPU and memory the numbers come from.
func environment(hugo string) string {
	hv := "Hugo (version unknown)"
	if out, err := exec.Command(hugo, "version").Output(); err == nil {
		if f := strings.Fields(string(out)); len(f) > 1 {
			hv = "Hugo " + f[1]
		}
	}
	cpu := runtime.GOARCH
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kib int64
		if _, err := fmt.Sscanf(string(data), "MemTotal: %d kB", &kib); err == nil {
			mem = fmt.Sprintf(", %.0f GiB RAM", float64(kib)/(1<<20))
		}
	}
	return fmt.Sprintf("%s vs %s, %s %s/%s, %s × %d%s",
		"localoffer", hv, runtime.Version(), runtime.GOOS, runtime.GOARCH, cpu, runtime.NumCPU(), mem)
}

func goCmd(dir string, env []string, args ...string) error {
	return command(dir, env, "go", args...)
}

// command runs a program, and on failure returns an error with its output.
func command(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out.String())
		}
		return err
	}
	return nil
}

func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func round(d time.Duration) time.Duration {
	return d.Round(10 * time.Millisecond)
}

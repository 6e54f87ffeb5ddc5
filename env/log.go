package env

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Logger prints progress with the time since the run began, and masks every
// secret it has been told about.
type Logger struct {
	mu      sync.Mutex
	out     io.Writer
	start   time.Time
	secrets []string
}

// NewLogger writes to out (stderr when nil).
func NewLogger(out io.Writer) *Logger {
	if out == nil {
		out = os.Stderr
	}
	return &Logger{out: out, start: time.Now()}
}

// Hide registers secrets to be masked from now on.
func (l *Logger) Hide(secrets ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range secrets {
		if len(s) >= 6 {
			l.secrets = append(l.secrets, s)
		}
	}
}

// Redact masks the registered secrets in s.
func (l *Logger) Redact(s string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, secret := range l.secrets {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	return s
}

// Printf prints one progress line.
func (l *Logger) Printf(format string, args ...any) {
	msg := l.Redact(fmt.Sprintf(format, args...))
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.out, "[guidewalk %5.1fs] %s\n", time.Since(l.start).Seconds(), msg)
}

// Writer is an io.Writer that prints through the logger, line by line.
func (l *Logger) Writer() io.Writer {
	return writerFunc(func(p []byte) (int, error) {
		for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
			if strings.TrimSpace(line) != "" {
				l.Printf("  %s", line)
			}
		}
		return len(p), nil
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

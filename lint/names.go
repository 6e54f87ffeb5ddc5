package lint

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// How the rules name a method, a form and a value in their messages, and
// read a value: shared by the rules that compare settings.

// blockName describes an env or compose method's block for messages.
func blockName(g *guide.Guide, m guide.Method) string {
	if m.Kind == guide.MethodEnv {
		return "the .env block"
	}
	if m.Service == "" {
		return "the environment: block" // a service's environment standing alone
	}
	n := 0
	for _, o := range g.Methods {
		if o.Kind == guide.MethodCompose && o.Block.Line == m.Block.Line {
			n++
		}
	}
	if n > 1 {
		return fmt.Sprintf("the Docker Compose block (service %q)", m.Service)
	}
	return "the Docker Compose block"
}

// formName describes a form step for messages: "step 4", or
// "the Web GUI step 4" when the guide has several methods.
func formName(g *guide.Guide, m guide.Method, form guide.Step) string {
	if m.Name == "" && m.Variant == "" {
		return fmt.Sprintf("step %d", form.Number)
	}
	return fmt.Sprintf("the %s step %d", m.Label(), form.Number)
}

type valueKind int

const (
	valueProse   valueKind = iota // free text: not compared
	valueLiteral                  // a single code span: to type as is
	valueSwitch                   // Enabled / Disabled
	valueEmpty                    // Leave Empty
)

// formValue classifies a form entry's value.
func formValue(it guide.Item) (valueKind, bool) {
	if it.Literal {
		return valueLiteral, false
	}
	if on, ok := switchWord(it.Value); ok {
		return valueSwitch, on
	}
	switch strings.ToLower(it.Value) {
	case "leave empty", "leave blank", "empty":
		return valueEmpty, false
	}
	return valueProse, false
}

// switchWord reads a word that switches something on or off.
func switchWord(s string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "enabled", "enable", "on", "true", "yes":
		return true, true
	case "disabled", "disable", "off", "false", "no":
		return false, true
	}
	return false, false
}

// commonPrefix is the longest prefix of all variable names that ends in "_"
// and leaves every name something after it; "" for fewer than two names.
func commonPrefix(vars []guide.Var) string {
	if len(vars) < 2 {
		return ""
	}
	prefix := vars[0].Name
	for _, v := range vars[1:] {
		i := 0
		for i < len(prefix) && i < len(v.Name) && prefix[i] == v.Name[i] {
			i++
		}
		prefix = prefix[:i]
	}
	for {
		i := strings.LastIndexByte(prefix, '_')
		if i < 0 {
			return ""
		}
		prefix = prefix[:i+1]
		short := false
		for _, v := range vars {
			if len(v.Name) == len(prefix) {
				short = true
			}
		}
		if !short {
			return prefix
		}
		prefix = prefix[:i]
	}
}

func stringsOf(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

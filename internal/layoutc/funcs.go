package layoutc

import (
	"reflect"
	"strings"
	"text/template/parse"
)

// function compiles a call of a template function: a builtin, or one of
// render's helpers.
func (f *fn) function(n *parse.IdentifierNode, args []parse.Node, final *value) (value, error) {
	switch n.Ident {
	case "and", "or":
		return f.andOr(n, args, final)
	case "not", "len", "print", "index", "eq", "ne", "lt", "le", "gt", "ge":
		vals, err := f.args(args, final)
		if err != nil {
			return value{}, err
		}
		return f.builtin(n, vals)
	}
	if strings.HasPrefix(n.Ident, "_html_template_") {
		return value{}, f.errorf(n, "escaper %s is not last in its pipeline", n.Ident)
	}
	fnv, ok := f.g.funcs[n.Ident]
	if !ok {
		return value{}, f.errorf(n, "layoutc does not know the function %q", n.Ident)
	}
	ft := reflect.TypeOf(fnv)
	f.g.usedFuncs[n.Ident] = ft
	return f.call(funcVar(n.Ident), ft, 0, args, final, n, n.Ident)
}

// args compiles arguments, the last command's value last.
func (f *fn) args(args []parse.Node, final *value) ([]value, error) {
	var out []value
	for _, a := range args {
		v, err := f.arg(a)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if final != nil {
		out = append(out, *final)
	}
	return out, nil
}

func (f *fn) builtin(n *parse.IdentifierNode, vals []value) (value, error) {
	need := func(k int) error {
		if len(vals) < k {
			return f.errorf(n, "%s needs %d arguments", n.Ident, k)
		}
		return nil
	}
	if err := need(1); err != nil {
		return value{}, err
	}
	switch n.Ident {
	case "not":
		return value{code: "!(" + truth(vals[0]) + ")", typ: boolType}, nil
	case "len":
		return value{code: "len(" + vals[0].code + ")", typ: intType}, nil
	case "index":
		if err := need(2); err != nil {
			return value{}, err
		}
		v := vals[0]
		for _, i := range vals[1:] {
			if k := v.typ.Kind(); k != reflect.Slice && k != reflect.Array {
				return value{}, f.errorf(n, "layoutc only indexes slices, not %s", v.typ)
			}
			t := f.tmp()
			f.line("%s := %s[%s]", t, v.code, i.code)
			v = value{code: t, typ: v.typ.Elem()}
		}
		return v, nil
	case "print":
		var parts []string
		plain := true
		for _, v := range vals {
			if v.typ.Kind() != reflect.String || hasString(v.typ) {
				plain = false
			}
			parts = append(parts, v.code)
		}
		if plain {
			for i, v := range vals {
				if !v.konst && v.typ != stringType {
					parts[i] = "string(" + v.code + ")"
				}
			}
			return value{code: "(" + strings.Join(parts, " + ") + ")", typ: stringType}, nil
		}
		f.g.imports["fmt"] = "fmt"
		t := f.tmp()
		f.line("%s := fmt.Sprint(%s)", t, strings.Join(parts, ", "))
		return value{code: t, typ: stringType}, nil
	}
	// Comparisons.
	if err := need(2); err != nil {
		return value{}, err
	}
	op := map[string]string{"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}[n.Ident]
	a := comparable(vals[0])
	if n.Ident == "eq" {
		var ors []string
		for _, b := range vals[1:] {
			ors = append(ors, a+" == "+comparable(b))
		}
		return value{code: "(" + strings.Join(ors, " || ") + ")", typ: boolType}, nil
	}
	if len(vals) != 2 {
		return value{}, f.errorf(n, "%s takes two arguments", n.Ident)
	}
	return value{code: "(" + a + " " + op + " " + comparable(vals[1]) + ")", typ: boolType}, nil
}

// comparable gives v as text/template compares it: basic values by their
// kind, whatever their named type.
func comparable(v value) string {
	if v.konst {
		return v.code
	}
	switch v.typ.Kind() {
	case reflect.String:
		return "string(" + v.code + ")"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "int64(" + v.code + ")"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "uint64(" + v.code + ")"
	case reflect.Float32, reflect.Float64:
		return "float64(" + v.code + ")"
	case reflect.Bool:
		return "bool(" + v.code + ")"
	}
	return v.code
}

// andOr compiles and and or, which stop at the first argument that
// decides them and give that argument.
func (f *fn) andOr(n *parse.IdentifierNode, args []parse.Node, final *value) (value, error) {
	if len(args) == 0 {
		return value{}, f.errorf(n, "%s needs arguments", n.Ident)
	}
	first, err := f.arg(args[0])
	if err != nil {
		return value{}, err
	}
	if first.konst {
		return value{}, f.errorf(n, "layoutc cannot compile a constant as %s's first argument", n.Ident)
	}
	t := f.tmp()
	f.line("%s := %s", t, first.code)
	res := value{code: t, typ: first.typ}
	// goOn is when the next argument is looked at: while the value so far
	// is true for and, while it is false for or.
	goOn := truth(res)
	if n.Ident == "or" {
		goOn = "!(" + goOn + ")"
	}
	for _, a := range args[1:] {
		f.line("if %s {", goOn)
		v, err := f.arg(a)
		if err != nil {
			return value{}, err
		}
		if !v.konst && v.typ != res.typ {
			return value{}, f.errorf(a, "layoutc needs %s's arguments of one type: %s and %s", n.Ident, res.typ, v.typ)
		}
		f.line("%s = %s", t, v.code)
	}
	if final != nil {
		if final.typ != res.typ {
			return value{}, f.errorf(n, "layoutc needs %s's arguments of one type", n.Ident)
		}
		f.line("if %s {\n%s = %s\n}", goOn, t, final.code)
	}
	for range args[1:] {
		f.line("}")
	}
	return res, nil
}

// hasString reports whether fmt prints t with its String method.
func hasString(t reflect.Type) bool {
	_, ok := t.MethodByName("String")
	if !ok {
		_, ok = t.MethodByName("Error")
	}
	return ok
}

// escapers are html/template's escapers that layoutc compiles: the
// render functions that give a string escaped, and that write it.
var escapers = map[string]struct{ give, write string }{
	"_html_template_htmlescaper":   {"lcHTML", "lcwHTML"},
	"_html_template_attrescaper":   {"lcHTML", "lcwHTML"},
	"_html_template_rcdataescaper": {"lcHTML", "lcwHTML"},
	"_html_template_urlfilter":     {"lcURLFilter", ""},
	"_html_template_urlnormalizer": {"lcURLNorm", "lcwURLNorm"},
	"_html_template_urlescaper":    {"lcURLEsc", "lcwURLEsc"},
	"_html_template_jsvalescaper":  {"", ""},
}

// output compiles an action that prints: html/template ends each with the
// escapers its place in the page needs.
func (f *fn) output(n *parse.ActionNode) error {
	cmds := n.Pipe.Cmds
	k := len(cmds)
	for k > 0 {
		id, ok := cmds[k-1].Args[0].(*parse.IdentifierNode)
		if !ok || !strings.HasPrefix(id.Ident, "_html_template_") {
			break
		}
		k--
	}
	if k == len(cmds) || k == 0 {
		return f.errorf(n, "layoutc expects html/template's escapers after a value")
	}
	v, err := f.pipeline(cmds[:k])
	if err != nil {
		return err
	}
	var chain []string
	for _, c := range cmds[k:] {
		id := c.Args[0].(*parse.IdentifierNode).Ident
		if len(c.Args) > 1 {
			return f.errorf(n, "escaper %s with arguments", id)
		}
		if _, ok := escapers[id]; !ok {
			return f.errorf(n, "layoutc does not know the escaper %s", id)
		}
		chain = append(chain, id)
	}
	// The first escaper may be given a value html/template trusts.
	s := v.code
	switch v.typ {
	case htmlType:
		if len(chain) == 1 && chain[0] == "_html_template_htmlescaper" {
			f.line("w.WriteString(string(%s))", s)
			return nil
		}
		return f.errorf(n, "layoutc cannot print template.HTML with %s", strings.Join(chain, ", "))
	case jsType:
		if len(chain) == 1 && chain[0] == "_html_template_jsvalescaper" {
			f.line("w.WriteString(string(%s))", s)
			return nil
		}
		s = "string(" + s + ")"
	case urlType:
		switch chain[0] {
		case "_html_template_urlfilter":
			chain = chain[1:]
			s = "string(" + s + ")"
		case "_html_template_urlescaper":
			chain[0] = "_html_template_urlnormalizer"
		}
		if s == v.code {
			s = "string(" + s + ")"
		}
	default:
		var err error
		if s, err = f.stringify(v, n); err != nil {
			return err
		}
	}
	for i, id := range chain {
		e := escapers[id]
		if i == len(chain)-1 {
			if e.write == "" {
				return f.errorf(n, "layoutc cannot end with %s", id)
			}
			f.line("%s(w, %s)", e.write, s)
			break
		}
		if e.give == "" {
			return f.errorf(n, "layoutc cannot chain %s", id)
		}
		s = e.give + "(" + s + ")"
	}
	return nil
}

// stringify gives v as a string, as html/template's escapers do with
// fmt.Sprint.
func (f *fn) stringify(v value, n parse.Node) (string, error) {
	t := v.typ
	if _, ok := t.MethodByName("String"); ok {
		return v.code + ".String()", nil
	}
	if _, ok := t.MethodByName("Error"); ok {
		return "", f.errorf(n, "layoutc cannot print an error")
	}
	switch t.Kind() {
	case reflect.String:
		if t == stringType || v.konst {
			return v.code, nil
		}
		return "string(" + v.code + ")", nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		f.g.imports["strconv"] = "strconv"
		return "strconv.FormatInt(int64(" + v.code + "), 10)", nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		f.g.imports["strconv"] = "strconv"
		return "strconv.FormatUint(uint64(" + v.code + "), 10)", nil
	case reflect.Float64:
		f.g.imports["strconv"] = "strconv"
		return "strconv.FormatFloat(" + v.code + ", 'g', -1, 64)", nil
	case reflect.Bool:
		f.g.imports["strconv"] = "strconv"
		return "strconv.FormatBool(" + v.code + ")", nil
	}
	return "", f.errorf(n, "layoutc cannot print a %s", t)
}

package layoutc

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

// value is a template value in the compiled code: a Go expression without
// side effects (a variable, a field of one, or a constant) and its type.
type value struct {
	code  string
	typ   reflect.Type
	konst bool // an untyped constant: a string, number or bool in the template
}

// fn compiles one template to the body of a Go function.
type fn struct {
	g      *gen
	set    *template.Template
	tree   *parse.Tree
	name   string
	hole   bool // the "content" template is the function content
	b      strings.Builder
	dot    value
	scopes []map[string]value
	ntmp   int
}

func (f *fn) line(format string, args ...any) {
	fmt.Fprintf(&f.b, format, args...)
	f.b.WriteByte('\n')
}

func (f *fn) tmp() string {
	f.ntmp++
	return "t" + strconv.Itoa(f.ntmp)
}

// errorf is an error at node, placed in the template as text/template
// places its errors.
func (f *fn) errorf(node parse.Node, format string, args ...any) error {
	loc, ctx := f.tree.ErrorContext(node)
	return fmt.Errorf("%s: at <%s>: %s", loc, ctx, fmt.Sprintf(format, args...))
}

var (
	errorType  = reflect.TypeFor[error]()
	boolType   = reflect.TypeFor[bool]()
	intType    = reflect.TypeFor[int]()
	stringType = reflect.TypeFor[string]()
	htmlType   = reflect.TypeFor[template.HTML]()
	jsType     = reflect.TypeFor[template.JS]()
	urlType    = reflect.TypeFor[template.URL]()
)

func (f *fn) push() { f.scopes = append(f.scopes, map[string]value{}) }
func (f *fn) pop()  { f.scopes = f.scopes[:len(f.scopes)-1] }

func (f *fn) lookup(node parse.Node, name string) (value, error) {
	for i := len(f.scopes) - 1; i >= 0; i-- {
		if v, ok := f.scopes[i][name]; ok {
			return v, nil
		}
	}
	return value{}, f.errorf(node, "undefined variable %s", name)
}

// declare binds the template variable name to v in the innermost scope.
func (f *fn) declare(name string, v value) {
	t := f.tmp()
	f.line("%s := %s", t, v.code)
	f.line("_ = %s", t)
	f.scopes[len(f.scopes)-1][name] = value{code: t, typ: v.typ}
}

func (f *fn) list(l *parse.ListNode) error {
	if l == nil {
		return nil
	}
	for _, n := range l.Nodes {
		if err := f.node(n); err != nil {
			return err
		}
	}
	return nil
}

func (f *fn) node(n parse.Node) error {
	switch n := n.(type) {
	case *parse.TextNode:
		if len(n.Text) > 0 {
			f.line("w.WriteString(%s)", strconv.Quote(string(n.Text)))
		}
	case *parse.CommentNode:
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			v, err := f.pipeline(n.Pipe.Cmds)
			if err != nil {
				return err
			}
			return f.bind(n.Pipe, v)
		}
		return f.output(n)
	case *parse.IfNode:
		return f.branch(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return f.branch(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return f.rangeNode(n)
	case *parse.TemplateNode:
		dot := value{code: "nil", typ: reflect.TypeFor[any]()}
		if n.Pipe != nil {
			v, err := f.pipeline(n.Pipe.Cmds)
			if err != nil {
				return err
			}
			dot = v
		}
		callee := "content"
		if !f.hole || n.Name != "content" {
			var err error
			if callee, err = f.g.template(f.set, n.Name, dot.typ); err != nil {
				return f.errorf(n, "%v", err)
			}
		} else if page := f.scopes[0]["$"].typ; dot.typ != page {
			return f.errorf(n, "content is given a %s, not the %s the page is", dot.typ, page)
		}
		f.line("if err := %s(w, %s); err != nil {\nreturn err\n}", callee, dot.code)
	case *parse.BreakNode:
		f.line("break")
	case *parse.ContinueNode:
		f.line("continue")
	default:
		return f.errorf(n, "layoutc cannot compile %T", n)
	}
	return nil
}

// bind declares or assigns a pipeline's variables.
func (f *fn) bind(pipe *parse.PipeNode, v value) error {
	if len(pipe.Decl) != 1 {
		return f.errorf(pipe, "more than one variable")
	}
	name := pipe.Decl[0].Ident[0]
	if pipe.IsAssign {
		old, err := f.lookup(pipe, name)
		if err != nil {
			return err
		}
		if old.typ != v.typ {
			return f.errorf(pipe, "%s was %s, is given %s", name, old.typ, v.typ)
		}
		f.line("%s = %s", old.code, v.code)
		return nil
	}
	f.declare(name, v)
	return nil
}

// branch compiles if and with.
func (f *fn) branch(pipe *parse.PipeNode, list, elseList *parse.ListNode, with bool) error {
	f.line("{")
	f.push()
	v, err := f.pipeline(pipe.Cmds)
	if err != nil {
		return err
	}
	if len(pipe.Decl) > 0 {
		if err := f.bind(pipe, v); err != nil {
			return err
		}
	}
	f.line("if %s {", truth(v))
	f.push()
	outer := f.dot
	if with {
		d := f.tmp()
		f.line("%s := %s", d, v.code)
		f.line("_ = %s", d)
		f.dot = value{code: d, typ: v.typ}
	}
	if err := f.list(list); err != nil {
		return err
	}
	f.dot = outer
	f.pop()
	if elseList != nil {
		f.line("} else {")
		f.push()
		if err := f.list(elseList); err != nil {
			return err
		}
		f.pop()
	}
	f.line("}")
	f.pop()
	f.line("}")
	return nil
}

func (f *fn) rangeNode(n *parse.RangeNode) error {
	f.line("{")
	f.push()
	v, err := f.pipeline(n.Pipe.Cmds)
	if err != nil {
		return err
	}
	var elem, key reflect.Type
	switch v.typ.Kind() {
	case reflect.Slice, reflect.Array:
		elem, key = v.typ.Elem(), intType
	case reflect.Int:
		elem, key = v.typ, v.typ
	default:
		return f.errorf(n, "layoutc cannot range over %s", v.typ)
	}
	if n.ElseList != nil {
		if v.typ.Kind() == reflect.Int {
			f.line("if %s <= 0 {", v.code)
		} else {
			f.line("if len(%s) == 0 {", v.code)
		}
		f.push()
		if err := f.list(n.ElseList); err != nil {
			return err
		}
		f.pop()
		f.line("} else {")
	}
	k, e := f.tmp(), f.tmp()
	if v.typ.Kind() == reflect.Int {
		f.line("for %s := range %s {", e, v.code)
		f.line("%s := %s", k, e)
	} else {
		f.line("for %s, %s := range %s {", k, e, v.code)
	}
	f.line("_, _ = %s, %s", k, e)
	f.push()
	outer := f.dot
	f.dot = value{code: e, typ: elem}
	switch len(n.Pipe.Decl) {
	case 0:
	case 1:
		f.scopes[len(f.scopes)-1][n.Pipe.Decl[0].Ident[0]] = f.dot
	case 2:
		f.scopes[len(f.scopes)-1][n.Pipe.Decl[0].Ident[0]] = value{code: k, typ: key}
		f.scopes[len(f.scopes)-1][n.Pipe.Decl[1].Ident[0]] = f.dot
	}
	if err := f.list(n.List); err != nil {
		return err
	}
	f.dot = outer
	f.pop()
	f.line("}")
	if n.ElseList != nil {
		f.line("}")
	}
	f.pop()
	f.line("}")
	return nil
}

// truth is the Go condition for text/template's truth of v.
func truth(v value) string {
	switch v.typ.Kind() {
	case reflect.Bool:
		return v.code
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array, reflect.Chan:
		return "len(" + v.code + ") > 0"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return v.code + " != 0"
	case reflect.Struct:
		return "true"
	}
	return v.code + " != nil"
}

// pipeline compiles a pipeline's commands, each given the last one's
// value as its final argument.
func (f *fn) pipeline(cmds []*parse.CommandNode) (value, error) {
	var final *value
	for _, c := range cmds {
		v, err := f.command(c, final)
		if err != nil {
			return value{}, err
		}
		final = &v
	}
	if final == nil {
		return value{}, fmt.Errorf("empty pipeline")
	}
	return *final, nil
}

func (f *fn) command(cmd *parse.CommandNode, final *value) (value, error) {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return f.fieldChain(f.dot, n.Ident, cmd.Args[1:], final, n)
	case *parse.ChainNode:
		base, err := f.arg(n.Node)
		if err != nil {
			return value{}, err
		}
		return f.fieldChain(base, n.Field, cmd.Args[1:], final, n)
	case *parse.IdentifierNode:
		return f.function(n, cmd.Args[1:], final)
	case *parse.VariableNode:
		v, err := f.lookup(n, n.Ident[0])
		if err != nil {
			return value{}, err
		}
		if len(n.Ident) == 1 {
			if len(cmd.Args) > 1 || final != nil {
				return value{}, f.errorf(n, "a variable takes no arguments")
			}
			return v, nil
		}
		return f.fieldChain(v, n.Ident[1:], cmd.Args[1:], final, n)
	}
	if len(cmd.Args) > 1 || final != nil {
		return value{}, f.errorf(cmd, "cannot give arguments to %s", cmd.Args[0])
	}
	return f.arg(cmd.Args[0])
}

// arg compiles one argument.
func (f *fn) arg(n parse.Node) (value, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return f.dot, nil
	case *parse.StringNode:
		return value{code: strconv.Quote(n.Text), typ: stringType, konst: true}, nil
	case *parse.NumberNode:
		if !n.IsInt {
			return value{}, f.errorf(n, "layoutc only compiles whole numbers")
		}
		return value{code: n.Text, typ: intType, konst: true}, nil
	case *parse.BoolNode:
		return value{code: strconv.FormatBool(n.True), typ: boolType, konst: true}, nil
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return value{}, f.errorf(n, "layoutc cannot compile a variable declared in parentheses")
		}
		return f.pipeline(n.Cmds)
	case *parse.FieldNode, *parse.ChainNode, *parse.IdentifierNode, *parse.VariableNode:
		return f.command(&parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Position(), Args: []parse.Node{n}}, nil)
	}
	return value{}, f.errorf(n, "layoutc cannot compile %s", n)
}

// fieldChain compiles .A.B.C on v: the last may be a method with args.
func (f *fn) fieldChain(v value, idents []string, args []parse.Node, final *value, node parse.Node) (value, error) {
	for i, id := range idents {
		var a []parse.Node
		var fin *value
		if i == len(idents)-1 {
			a, fin = args, final
		}
		var err error
		if v, err = f.field(v, id, a, fin, node); err != nil {
			return value{}, err
		}
	}
	return v, nil
}

func (f *fn) field(v value, name string, args []parse.Node, final *value, node parse.Node) (value, error) {
	t := v.typ
	if t.Kind() == reflect.Interface {
		return value{}, f.errorf(node, "layoutc cannot look up .%s in an interface (%s)", name, t)
	}
	if m, ok := t.MethodByName(name); ok {
		return f.call(v.code+"."+name, m.Type, 1, args, final, node, name)
	}
	if t.Kind() != reflect.Pointer {
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
			if v.konst {
				return value{}, f.errorf(node, "cannot call %s on a constant", name)
			}
			return f.call(v.code+"."+name, m.Type, 1, args, final, node, name)
		}
	}
	s := t
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		if sf, ok := s.FieldByName(name); ok && sf.IsExported() {
			if len(args) > 0 || final != nil {
				return value{}, f.errorf(node, "%s has arguments but cannot be invoked as function", name)
			}
			return value{code: v.code + "." + name, typ: sf.Type}, nil
		}
	}
	return value{}, f.errorf(node, "can't evaluate field %s in type %s", name, t)
}

// call compiles a call of the function or method code, of type ft, whose
// first skip parameters are given already (a method's receiver).
func (f *fn) call(code string, ft reflect.Type, skip int, args []parse.Node, final *value, node parse.Node, name string) (value, error) {
	numIn := ft.NumIn() - skip
	given := len(args)
	if final != nil {
		given++
	}
	if ft.IsVariadic() {
		if given < numIn-1 {
			return value{}, f.errorf(node, "wrong number of args for %s: want at least %d got %d", name, numIn-1, given)
		}
	} else if given != numIn {
		return value{}, f.errorf(node, "wrong number of args for %s: want %d got %d", name, numIn, given)
	}
	param := func(i int) reflect.Type {
		if ft.IsVariadic() && i >= numIn-1 {
			return ft.In(ft.NumIn() - 1).Elem()
		}
		return ft.In(i + skip)
	}
	var codes []string
	for i, a := range args {
		v, err := f.arg(a)
		if err != nil {
			return value{}, err
		}
		c, err := f.as(v, param(i), a)
		if err != nil {
			return value{}, err
		}
		codes = append(codes, c)
	}
	if final != nil {
		c, err := f.as(*final, param(len(args)), node)
		if err != nil {
			return value{}, err
		}
		codes = append(codes, c)
	}
	callCode := code + "(" + strings.Join(codes, ", ") + ")"
	t := f.tmp()
	switch {
	case ft.NumOut() == 1:
		f.line("%s := %s", t, callCode)
		return value{code: t, typ: ft.Out(0)}, nil
	case ft.NumOut() == 2 && ft.Out(1) == errorType:
		loc, ctx := f.tree.ErrorContext(node)
		f.line("%s, err := %s", t, callCode)
		f.line("if err != nil {\nreturn fmt.Errorf(%s, err)\n}",
			strconv.Quote(strings.ReplaceAll(fmt.Sprintf("template: %s: executing %q at <%s>: error calling %s: ", loc, f.name, ctx, name), "%", "%%")+"%w"))
		f.g.imports["fmt"] = "fmt"
		return value{code: t, typ: ft.Out(0)}, nil
	}
	return value{}, f.errorf(node, "%s returns %d values", name, ft.NumOut())
}

// as converts v to a parameter of type want, as text/template would.
func (f *fn) as(v value, want reflect.Type, node parse.Node) (string, error) {
	switch {
	case v.konst:
		return v.code, nil
	case v.typ.AssignableTo(want):
		return v.code, nil
	case v.typ.Kind() == reflect.Pointer && v.typ.Elem().AssignableTo(want):
		return "*" + v.code, nil
	case reflect.PointerTo(v.typ).AssignableTo(want):
		return "&" + v.code, nil
	}
	return "", f.errorf(node, "wrong type for value; expected %s; got %s", want, v.typ)
}

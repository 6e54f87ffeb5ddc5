package lint

// reportProblems is the Run of a rule of what the reading met: the
// guide's Problems of the rule's kind (guide.Problem.Kind is its name), in
// the order met, at the rule's severity.
func reportProblems(p *Pass) {
	for _, pr := range p.Guide.Problems {
		if pr.Kind == p.Rule.Name {
			p.Report(Finding{Path: p.Guide.Path, Line: pr.Line, Severity: p.Rule.Severity, Message: pr.Message, Method: pr.Method})
		}
	}
}

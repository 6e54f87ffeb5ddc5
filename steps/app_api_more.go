package steps

// More of a scenario that an application's folder may use (see app_api.go).

// ByNumberedSteps: this scenario's instance is the one the guide's numbered
// steps configure, configured by them (here, or by the scenario that does
// them as its own steps), and the scenario is at the application's first
// screen.
func (w *World) ByNumberedSteps() error { return w.byNumberedSteps() }

// Hide masks secret in every log line and artifact from now on.
func (w *World) Hide(secret string) { w.s.Log.Hide(secret) }

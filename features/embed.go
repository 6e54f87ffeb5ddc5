// Package features holds the project's feature files, one folder per guide
// title (minio/ for "MinIO"), embedded so that `guidewalk check` knows which
// guides a browser run verifies wherever it runs, outside this repository too.
package features

import "embed"

// FS holds every features/<guide>/<name>.feature file.
//
//go:embed */*.feature
var FS embed.FS

// Root is how the embedded files are named in messages.
const Root = "features"

package minio

import (
	"context"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/apps/minio/pages"
	"github.com/guidewalk/guidewalk/steps"
)

// minioRunsAtApplicationURL: the console answers in the browser at the
// guide's Application Root URL.
func (w scenario) minioRunsAtApplicationURL() error {
	return pages.MinIOLogin{Page: w.Page(), Base: w.AppURL()}.Open()
}

// minioRunsUnconfigured: the Web GUI's MinIO answers at the guide's
// Application Root URL and holds no OpenID configuration yet.
func (w scenario) minioRunsUnconfigured() error {
	w.UseStepsInstance()
	if err := w.FreshContext(); err != nil {
		return err
	}
	cfg, err := w.instance().OpenIDConfig(context.Background())
	if err != nil {
		return fmt.Errorf("ask MinIO for its OpenID configuration: %w", err)
	}
	if strings.Contains(cfg, "config_url=https") {
		return fmt.Errorf("the MinIO instance %q already holds an OpenID configuration", w.instance().Spec().Name)
	}
	return w.minioRunsAtApplicationURL()
}

// ConfigureBySteps does the Web GUI's steps 1 to 6 within the scenario.
func (minioApp) ConfigureBySteps(sw *steps.World) error {
	w := scenario{sw}
	cfg, err := w.instance().OpenIDConfig(context.Background())
	if err != nil {
		return fmt.Errorf("ask MinIO for its OpenID configuration: %w", err)
	}
	if strings.Contains(cfg, "config_url=https") {
		return fmt.Errorf("MinIO holds an OpenID configuration but steps 1 to 6 did not complete in this run: see the scenario that failed before this one")
	}
	w.Note("this environment's MinIO has no OpenID configuration yet: doing steps 1 to 6")
	for _, f := range []func() error{
		w.loginToMinIO,
		func() error { return w.goToMenu("", "") },
		func() error { return w.clickTopRight("") },
		w.enterInformation,
		func() error { return w.pressSave("") },
		w.acceptRestart,
		w.refreshAndSignOut,
	} {
		if err := f(); err != nil {
			return fmt.Errorf("steps 1 to 6: %w", err)
		}
	}
	return nil
}

// CheckVariables: a MinIO started with MINIO_IDENTITY_OPENID_* holds the
// OpenID configuration they describe.
func (minioApp) CheckVariables(sw *steps.World) error {
	w := scenario{sw}
	cfg, err := w.instance().OpenIDConfig(context.Background())
	if err != nil {
		return fmt.Errorf("ask MinIO for its OpenID configuration: %w", err)
	}
	// Settings from the environment show as "# MINIO_IDENTITY_OPENID_CONFIG_URL=…".
	if !strings.Contains(cfg, "config_url=https") && !strings.Contains(cfg, "CONFIG_URL=https") {
		return &steps.GuideError{Where: w.Guide().Where(w.Method().Line), Says: w.Method().Label(),
			Saw: "MinIO started with the method's variables holds no OpenID configuration"}
	}
	return nil
}

// AtStart: MinIO's login screen.
func (minioApp) AtStart(w *steps.World) error { return scenario{w}.loginScreenAppears() }

// minioIsConfigured: the Web GUI's MinIO is configured by steps 1 to 6.
func (w scenario) minioIsConfigured() error { return w.ByNumberedSteps() }

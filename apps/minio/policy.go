package minio

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/steps"
)

// userHasDefaultPolicy is step 7: "Add a default policy to your user groups
// in Authelia". The user's groups in Authelia's user database hold the name
// of a policy MinIO has built in; MinIO itself is asked whether it has it.
func (w scenario) userHasDefaultPolicy(user, policy string) error {
	st, err := w.GuideStep(7)
	if err != nil {
		return err
	}
	u, err := w.TestUser(user)
	if err != nil {
		return err
	}
	if !slices.Contains(u.Groups, policy) {
		return fmt.Errorf("the Authelia user %q has groups %v, not %q", user, u.Groups, policy)
	}
	policies, err := w.minioPolicies()
	if err != nil {
		return err
	}
	if !slices.Contains(policies, policy) {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text,
			Saw: fmt.Sprintf("MinIO has no policy %q; it has %v", policy, policies)}
	}
	w.SetUser(user)
	w.Note("Authelia user %q has groups %v; MinIO has the policy %q", user, u.Groups, policy)
	return nil
}

// userHasNoDefaultPolicy: the counter-case of step 7.
func (w scenario) userHasNoDefaultPolicy(user string) error {
	if _, err := w.GuideStep(7); err != nil {
		return err
	}
	u, err := w.TestUser(user)
	if err != nil {
		return err
	}
	policies, err := w.minioPolicies()
	if err != nil {
		return err
	}
	for _, g := range u.Groups {
		if slices.Contains(policies, g) {
			return fmt.Errorf("the Authelia user %q has the group %q, which is a MinIO policy", user, g)
		}
	}
	w.SetUser(user)
	w.Note("Authelia user %q has groups %v; none is one of MinIO's policies %s", user, u.Groups, strings.Join(policies, ", "))
	return nil
}

func (w scenario) minioPolicies() ([]string, error) {
	names, err := w.instance().Policies(context.Background())
	slices.Sort(names)
	return names, err
}

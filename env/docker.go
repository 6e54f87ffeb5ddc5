package env

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	dc "github.com/ory/dockertest/v3/docker"

	"github.com/ory/dockertest/v3"
)

// Labels mark everything a run creates, so that a later run can remove what
// a crashed one left behind.
const (
	labelSuite = "guidewalk"
	labelRun   = "guidewalk.run"
	labelOwner = "guidewalk.owner"
)

// connect returns a pool whose engine answers, or an error that says what to do.
func connect() (*dockertest.Pool, error) {
	pool, err := dockertest.NewPool("")
	if err == nil {
		err = pool.Client.Ping()
	}
	if err != nil {
		return nil, fmt.Errorf("the Docker engine does not answer (%v): start it (`make bootstrap` installs and starts dockerd) or set DOCKER_HOST", err)
	}
	pool.MaxWait = 2 * time.Minute
	return pool, nil
}

// ensureImage uses the local image when the engine holds it, else pulls it
// with visible progress, else fails naming the image and the ways to provide it.
func ensureImage(pool *dockertest.Pool, ref, envVar string, log *Logger) error {
	if _, err := pool.Client.InspectImage(ref); err == nil {
		log.Printf("image %s: present", ref)
		return nil
	}
	repo, tag := splitRef(ref)
	log.Printf("image %s: not present, pulling", ref)
	err := pool.Client.PullImage(dc.PullImageOptions{
		Repository:    repo,
		Tag:           tag,
		OutputStream:  log.Writer(),
		RawJSONStream: false,
	}, dc.AuthConfiguration{})
	if err != nil {
		return fmt.Errorf("image %s is not in the local Docker engine and could not be pulled (%v).\n"+
			"  Offline, load it with `docker load -i FILE.tar` (or `docker tag` an image you have to %s),\n"+
			"  or set %s to an image reference the engine holds", ref, firstLine(err.Error()), ref, envVar)
	}
	return nil
}

func splitRef(ref string) (repo, tag string) {
	i := strings.LastIndex(ref, ":")
	if i < 0 || strings.Contains(ref[i:], "/") {
		return ref, "latest"
	}
	return ref[:i], ref[i+1:]
}

// removeLeftovers removes containers and networks of earlier runs whose
// process is gone.
func removeLeftovers(pool *dockertest.Pool, log *Logger) error {
	containers, err := pool.Client.ListContainers(dc.ListContainersOptions{All: true, Filters: map[string][]string{"label": {labelSuite}}})
	if err != nil {
		return err
	}
	for _, c := range containers {
		if alive(c.Labels[labelOwner]) {
			continue
		}
		log.Printf("removing container %s left by an earlier run", strings.TrimPrefix(firstOr(c.Names, c.ID), "/"))
		if err := pool.Client.RemoveContainer(dc.RemoveContainerOptions{ID: c.ID, Force: true, RemoveVolumes: true}); err != nil {
			return err
		}
	}
	networks, err := pool.Client.FilteredListNetworks(dc.NetworkFilterOpts{"label": {labelSuite: true}})
	if err != nil {
		return err
	}
	for _, n := range networks {
		if alive(n.Labels[labelOwner]) {
			continue
		}
		log.Printf("removing network %s left by an earlier run", n.Name)
		if err := pool.Client.RemoveNetwork(n.ID); err != nil {
			return err
		}
	}
	return nil
}

// owner names this process in a way a later process cannot reuse: its pid
// and its start time.
func owner() string {
	return strconv.Itoa(os.Getpid()) + "@" + procStart(os.Getpid())
}

// alive says whether the process that labelled a resource still runs.
func alive(label string) bool {
	pidStr, start, _ := strings.Cut(label, "@")
	pid, err := strconv.Atoi(pidStr)
	if err != nil || pid <= 0 {
		return false
	}
	return procStart(pid) == start && start != ""
}

// procStart is field 22 of /proc/PID/stat, the process's start time.
func procStart(pid int) string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	// The command name (field 2) may hold spaces: count from the last ')'.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 20 {
		return ""
	}
	return f[19]
}

// container is what the suite starts: an image run on the run's network
// under a name the guide uses.
type container struct {
	Name     string   // engine name, unique per run
	Alias    string   // the guide's hostname on the run's network
	Image    string   // reference
	Entry    []string // entrypoint
	Cmd      []string
	Env      []string
	Binds    []string // host:container
	Ports    []string // container ports to publish on 127.0.0.1
	Hosts    []string // extra /etc/hosts entries
	WorkDir  string
	Labels   map[string]string
	Network  *dockertest.Network
	Resource *dockertest.Resource
}

// run creates and starts c. The engine gives the guide's hostname as a
// network alias, which dockertest's RunOptions cannot express.
func run(pool *dockertest.Pool, c *container) error {
	exposed := map[dc.Port]struct{}{}
	bindings := map[dc.Port][]dc.PortBinding{}
	for _, p := range c.Ports {
		port := dc.Port(p + "/tcp")
		exposed[port] = struct{}{}
		bindings[port] = []dc.PortBinding{{HostIP: "127.0.0.1", HostPort: ""}}
	}
	endpoints := map[string]*dc.EndpointConfig{}
	if c.Network != nil {
		ep := &dc.EndpointConfig{}
		if c.Alias != "" {
			ep.Aliases = []string{c.Alias}
		}
		endpoints[c.Network.Network.Name] = ep
	}
	created, err := pool.Client.CreateContainer(dc.CreateContainerOptions{
		Name: c.Name,
		Config: &dc.Config{
			Image:        c.Image,
			Entrypoint:   c.Entry,
			Cmd:          c.Cmd,
			Env:          c.Env,
			ExposedPorts: exposed,
			Labels:       c.Labels,
			Hostname:     c.Alias,
			WorkingDir:   c.WorkDir,
		},
		HostConfig: &dc.HostConfig{
			Binds:        c.Binds,
			PortBindings: bindings,
			ExtraHosts:   c.Hosts,
			NetworkMode:  networkName(c.Network),
		},
		NetworkingConfig: &dc.NetworkingConfig{EndpointsConfig: endpoints},
	})
	if err != nil {
		return fmt.Errorf("create container %s from %s: %w", c.Name, c.Image, err)
	}
	res, ok := pool.ContainerByName("^/" + c.Name + "$")
	if !ok {
		return fmt.Errorf("container %s vanished after creation", c.Name)
	}
	c.Resource = res
	if err := pool.Client.StartContainer(created.ID, nil); err != nil {
		return fmt.Errorf("start container %s: %w", c.Name, err)
	}
	return nil
}

func networkName(n *dockertest.Network) string {
	if n == nil {
		return ""
	}
	return n.Network.Name
}

// hostPort is the 127.0.0.1 port the engine published for a container port.
func hostPort(pool *dockertest.Pool, c *container, port string) (string, error) {
	info, err := pool.Client.InspectContainer(c.Resource.Container.ID)
	if err != nil {
		return "", err
	}
	for _, b := range info.NetworkSettings.Ports[dc.Port(port+"/tcp")] {
		if b.HostIP == "127.0.0.1" && b.HostPort != "" {
			return b.HostPort, nil
		}
	}
	return "", fmt.Errorf("container %s has no 127.0.0.1 binding for port %s", c.Name, port)
}

// runToExit runs a one-off container and returns its exit code and output.
func runToExit(ctx context.Context, pool *dockertest.Pool, c *container) (int, string, error) {
	if err := run(pool, c); err != nil {
		return -1, "", err
	}
	defer pool.Client.RemoveContainer(dc.RemoveContainerOptions{ID: c.Resource.Container.ID, Force: true}) //nolint:errcheck
	code, err := pool.Client.WaitContainerWithContext(c.Resource.Container.ID, ctx)
	if err != nil {
		return -1, "", err
	}
	return code, logs(pool, c.Resource.Container.ID, "all"), nil
}

// logs returns a container's output (tail lines, or "all").
func logs(pool *dockertest.Pool, id, tail string) string {
	var buf bytes.Buffer
	_ = pool.Client.Logs(dc.LogsOptions{
		Container:    id,
		OutputStream: &buf,
		ErrorStream:  &buf,
		Stdout:       true,
		Stderr:       true,
		Tail:         tail,
	})
	return buf.String()
}

// running says whether the container is still up, with its exit code if not.
func running(pool *dockertest.Pool, id string) (bool, int) {
	info, err := pool.Client.InspectContainer(id)
	if err != nil {
		return false, -1
	}
	return info.State.Running, info.State.ExitCode
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

package env

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"
)

// Chromium aborts requests with ERR_NETWORK_CHANGED whenever the host's
// addresses change. The run's bridge and veth interfaces get IPv6 link-local
// addresses that stay "tentative" until duplicate address detection ends,
// about a second after they come up; the end of it is such a change. The
// environment is ready for a browser once no address is tentative.

const ifaTentative = 0x40 // IFA_F_TENTATIVE in /proc/net/if_inet6

// tentativeAddresses lists the interfaces that still have a tentative IPv6
// address (none when the host has no IPv6).
func tentativeAddresses() []string {
	b, err := os.ReadFile("/proc/net/if_inet6")
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 {
			continue
		}
		flags, err := strconv.ParseUint(f[4], 16, 32)
		if err == nil && flags&ifaTentative != 0 {
			out = append(out, f[5])
		}
	}
	return out
}

// waitNetworkSettled waits until the host has no tentative address.
func (e *Environment) waitNetworkSettled(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		left := tentativeAddresses()
		if len(left) == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			// Not fatal: page loads retry after a network change.
			e.Log.Printf("network: addresses still tentative after 10s on %v", left)
			return nil
		case <-tick.C:
		}
	}
}

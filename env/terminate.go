package env

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// Some applications serve plain HTTP and expect a proxy in front of them for
// TLS. The run is that proxy: it answers on 127.0.0.1 for the guide's
// hostname with the run's certificate and hands each request to the
// container's published port, keeping the Host the browser asked for.

// terminator is one such proxy.
type terminator struct {
	srv *http.Server
	ln  net.Listener
}

func terminate(leaf Leaf, backend string) (*terminator, error) {
	cert, err := tls.X509KeyPair(leaf.CertPEM, leaf.KeyPEM)
	if err != nil {
		return nil, err
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	if err != nil {
		return nil, err
	}
	target := &url.URL{Scheme: "http", Host: backend}
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target)
			r.Out.Host = r.In.Host
			r.SetXForwarded()
		},
		// Server-sent events (an application's realtime channel) flow as they come.
		FlushInterval: -1,
		// Until the application listens, its published port closes each
		// connection: a 502 for the readiness check, not a log line.
		ErrorHandler: func(w http.ResponseWriter, _ *http.Request, _ error) { w.WriteHeader(http.StatusBadGateway) },
	}
	t := &terminator{srv: &http.Server{Handler: proxy, ReadHeaderTimeout: 10 * time.Second}, ln: ln}
	go func() { _ = t.srv.Serve(ln) }()
	return t, nil
}

// Addr is where the proxy listens.
func (t *terminator) Addr() string { return t.ln.Addr().String() }

func (t *terminator) Close() {
	if t != nil {
		_ = t.srv.Close()
	}
}

package env

import (
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/mxschmitt/playwright-go"
)

// AssetCache keeps the content-hashed static files (main.45669c2e.js) an
// application served in this run and serves them again from memory to
// later browser contexts. MinIO's console sends no Cache-Control, ETag or
// Last-Modified, so without it every new context loads its 2.9 MB bundle
// cold. A file whose name carries its content's hash cannot change under
// that name; API calls, HTML and anything else still go to the product.
type AssetCache struct {
	mu    sync.Mutex
	files map[string]asset
	Hits  atomic.Int64 // requests answered from memory
	Bytes atomic.Int64 // bytes not fetched again
}

type asset struct {
	status  int
	headers map[string]string
	body    []byte
}

// hashed matches static files named by their content hash.
var hashed = regexp.MustCompile(`^https://[^/]+/static/(?:[^?#]*/)?[^/?#]+\.[0-9a-f]{8,}\.(?:chunk\.)?(?:js|css|svg|png|jpg|woff2?|ttf)$`)

// NewAssetCache is an empty cache for one run.
func NewAssetCache() *AssetCache { return &AssetCache{files: map[string]asset{}} }

// Attach makes bctx answer content-hashed static files from the cache and
// fill it with those it still has to fetch.
func (c *AssetCache) Attach(bctx playwright.BrowserContext) error {
	bctx.OnResponse(func(r playwright.Response) {
		if r.Status() != 200 || !hashed.MatchString(r.URL()) || c.has(r.URL()) {
			return
		}
		// Reading the body is a call to the driver: not on its event goroutine.
		go func() {
			body, err := r.Body()
			if err != nil {
				return
			}
			headers, err := r.AllHeaders()
			if err != nil {
				return
			}
			c.mu.Lock()
			c.files[r.URL()] = asset{status: r.Status(), headers: headers, body: body}
			c.mu.Unlock()
		}()
	})
	return bctx.Route(hashed, func(route playwright.Route) {
		c.mu.Lock()
		a, ok := c.files[route.Request().URL()]
		c.mu.Unlock()
		if !ok {
			_ = route.Continue()
			return
		}
		c.Hits.Add(1)
		c.Bytes.Add(int64(len(a.body)))
		_ = route.Fulfill(playwright.RouteFulfillOptions{Status: playwright.Int(a.status), Headers: a.headers, Body: a.body})
	})
}

func (c *AssetCache) has(url string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.files[url]
	return ok
}

// Files is how many distinct files the cache holds.
func (c *AssetCache) Files() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.files)
}

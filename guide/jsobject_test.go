package guide

import (
	"strconv"
	"strings"
	"testing"
)

func TestJSVars(t *testing.T) {
	b := Block{Lang: "js", Title: "settings.js", Line: 10, Text: `adminAuth: {
    type: 'strategy',
    strategy: {
        label: 'Sign in with Authelia',
        strategy: require('passport-openidconnect').Strategy,
        options: {
            scope: ['openid', 'email'],
            proxy: true,
            verify: function(issuer, profile, done) {
                done(null, profile)
            }
        }
    },
    users: function(user) {
        return Promise.resolve({ username: user, permissions: "*" });
    }
},
`}
	if !isJSFragment(b) {
		t.Fatal("not read as a fragment of an object")
	}
	var got []string
	for _, v := range jsVars(b) {
		got = append(got, v.Name+"="+v.Value+"@"+strconv.Itoa(v.Line))
	}
	want := []string{"adminAuth.type=strategy@11", "adminAuth.strategy.label=Sign in with Authelia@13",
		"adminAuth.strategy.strategy=require('passport-openidconnect').Strategy@14", "adminAuth.strategy.options.scope=openid,email@16",
		"adminAuth.strategy.options.proxy=true@17", "adminAuth.strategy.options.verify=function(issuer, profile, done) {@18",
		"adminAuth.users=function(user) {@23"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if isJSFragment(Block{Lang: "js", Text: "\"use strict\";\nconst a = {b: 1};\n"}) {
		t.Error("a program read as a fragment")
	}
}

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
        label: 'Log in with Example',
        strategy: require('passport-example').Strategy,
        options: {
            scope: ['openid', 'profile'],
            proxy: true,
            verify: function(iss, who, cb) {
                cb(null, who)
            }
        }
    },
    users: function(name) {
        return Promise.resolve({ username: name, permissions: "read" });
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
	want := []string{"adminAuth.type=strategy@11", "adminAuth.strategy.label=Log in with Example@13",
		"adminAuth.strategy.strategy=require('passport-example').Strategy@14", "adminAuth.strategy.options.scope=openid,profile@16",
		"adminAuth.strategy.options.proxy=true@17", "adminAuth.strategy.options.verify=function(iss, who, cb) {@18",
		"adminAuth.users=function(name) {@23"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if isJSFragment(Block{Lang: "js", Text: "\"use strict\";\nconst a = {b: 1};\n"}) {
		t.Error("a program read as a fragment")
	}
}

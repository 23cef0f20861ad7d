package main

import "github.com/brief-news/brief/reader"

// routesJSON is where previous and next lead in read --json: the answer
// the reader's footer and n/p keys give (reader.FindRoutes), in the
// collection named on the command line. A stable interface, as
// articleJSON.
type routesJSON struct {
	Prev routeJSON `json:"prev"`
	Next routeJSON `json:"next"`
}

// routeJSON is one direction. kind is article, web, list, unresolved,
// unfollowed or none; via is how it was found (page, feed, list);
// title is what the footer names (empty for none); why says why it
// leads nowhere.
type routeJSON struct {
	Kind     string  `json:"kind"`
	Via      string  `json:"via"`
	Location *string `json:"location"`
	URL      *string `json:"url"`
	Title    string  `json:"title"`
	Why      *string `json:"why"`
}

// toRoutesJSON converts routes, every string cleaned as toJSON's are.
func toRoutesJSON(rs reader.Routes) *routesJSON {
	return &routesJSON{Prev: toRouteJSON(rs.Prev), Next: toRouteJSON(rs.Next)}
}

func toRouteJSON(r reader.Route) routeJSON {
	return routeJSON{Kind: string(r.Kind), Via: r.By.String(), Location: optional(reader.Clean(r.Loc)),
		URL: optional(reader.Clean(r.URL)), Title: reader.Clean(r.Title), Why: optional(reader.Clean(r.Why))}
}

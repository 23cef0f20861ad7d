package jsonout

// Where previous and next lead, in read --json.

import "github.com/brief-news/brief/reader"

// Routes is where previous and next lead in read --json: the answer
// the reader's footer and n/p keys give (reader.FindRoutes), in the
// collection named on the command line.
type Routes struct {
	Prev Route `json:"prev"`
	Next Route `json:"next"`
}

// Route is one direction. kind is article, web, list, unresolved,
// unfollowed or none; via is how it was found (page, feed, list);
// title is what the footer names (empty for none); why says why it
// leads nowhere.
type Route struct {
	Kind     string  `json:"kind"`
	Via      string  `json:"via"`
	Location *string `json:"location"`
	URL      *string `json:"url"`
	Title    string  `json:"title"`
	Why      *string `json:"why"`
}

// FromRoutes converts routes, every string cleaned as FromArticle's are.
func FromRoutes(rs reader.Routes) *Routes {
	return &Routes{Prev: toRoute(rs.Prev), Next: toRoute(rs.Next)}
}

func toRoute(r reader.Route) Route {
	return Route{Kind: string(r.Kind), Via: r.By.String(), Location: optional(reader.Clean(r.Loc)),
		URL: optional(reader.Clean(r.URL)), Title: reader.Clean(r.Title), Why: optional(reader.Clean(r.Why))}
}

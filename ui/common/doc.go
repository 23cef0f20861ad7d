// Package common is what the reader's root (package ui) and its views
// (ui/list, ui/article) share: the styles, the key maps, the contract
// every view keeps, and the intents a view sends the root. It sits
// below them all so that a view in a sub-package can keep the contract
// without importing the root.
package common

// Package common is what the reader's root (package ui) and its views
// (ui/list, ui/article) share: the styles, the key maps, the contract
// every view keeps, the intents a view sends the root, and the scrolling
// of a list's selection (Scroll). It sits below them all so that a view
// in a sub-package can keep the contract without importing the root.
package common

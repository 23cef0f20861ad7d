package summarizer

import (
	"math"
	"os"
	"sort"
	"strconv"
)

// Gradient-boosted regression trees, fitted by histogram: each feature's
// values are cut into at most maxBins quantile bins once, and a node's
// best question is found from per-bin sums of residuals. No sampling, so
// the same data always gives the same trees.

const maxBins = 32

var (
	minLeaf = envFloat("MINLEAF", 400) // sentences a leaf must hold
	nTrees  = int(envFloat("NTREES", 150))
	shrink  = envFloat("SHRINK", 0.1)
)

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}

// fitForest fits on every sentence of docs.
func fitForest(docs []trainDoc) forest {
	var rows [][nFeatures]float64
	var y []float64
	for _, d := range docs {
		rows = append(rows, d.feats...)
		y = append(y, d.labels...)
	}
	n := len(rows)
	// Quantile cut points per feature.
	cuts := make([][]float64, nFeatures)
	bins := make([]uint8, n*nFeatures) // row-major: row i's bins are together
	vals := make([]float64, n)
	for f := 0; f < nFeatures; f++ {
		for i := range rows {
			vals[i] = rows[i][f]
		}
		sorted := append([]float64(nil), vals...)
		sort.Float64s(sorted)
		var c []float64
		for b := 1; b < maxBins; b++ {
			v := sorted[b*n/maxBins]
			if len(c) == 0 || v > c[len(c)-1] {
				if v < sorted[n-1] {
					c = append(c, v)
				}
			}
		}
		cuts[f] = c
		for i, v := range vals {
			bins[i*nFeatures+f] = uint8(sort.SearchFloat64s(c, v)) // v <= c[b] goes to bin b
		}
	}
	mean := 0.0
	for _, v := range y {
		mean += v
	}
	mean /= float64(n)
	m := forest{base: mean}
	pred := make([]float64, n)
	for i := range pred {
		pred[i] = mean
	}
	resid := make([]float64, n)
	node := make([]int, n)
	for t := 0; t < nTrees; t++ {
		for i := range resid {
			resid[i] = y[i] - pred[i]
			node[i] = 0
		}
		var tr tree
		// Grow level by level.
		for d := 0; d < treeDepth; d++ {
			first := 1<<d - 1
			width := 1 << d
			type hist struct{ sum, cnt [maxBins]float64 }
			hs := make([][]hist, width)
			for k := range hs {
				hs[k] = make([]hist, nFeatures)
			}
			for i := 0; i < n; i++ {
				h := hs[node[i]-first]
				r := resid[i]
				row := bins[i*nFeatures : (i+1)*nFeatures]
				for f, b := range row {
					h[f].sum[b] += r
					h[f].cnt[b]++
				}
			}
			for k := 0; k < width; k++ {
				bestGain, bestF, bestB := 0.0, 0, -1
				// Totals from feature 0's histogram.
				tot, cnt := 0.0, 0.0
				for b := 0; b < maxBins; b++ {
					tot += hs[k][0].sum[b]
					cnt += hs[k][0].cnt[b]
				}
				for f := 0; f < nFeatures; f++ {
					ls, lc := 0.0, 0.0
					for b := 0; b < len(cuts[f]); b++ {
						ls += hs[k][f].sum[b]
						lc += hs[k][f].cnt[b]
						rc := cnt - lc
						if lc < minLeaf || rc < minLeaf {
							continue
						}
						rs := tot - ls
						gain := ls*ls/lc + rs*rs/rc - tot*tot/cnt
						if gain > bestGain+1e-12 {
							bestGain, bestF, bestB = gain, f, b
						}
					}
				}
				if bestB < 0 {
					tr.feature[first+k] = 0
					tr.threshold[first+k] = math.Inf(1)
				} else {
					tr.feature[first+k] = uint8(bestF)
					tr.threshold[first+k] = cuts[bestF][bestB]
				}
			}
			for i := 0; i < n; i++ {
				k := node[i]
				if rows[i][tr.feature[k]] <= tr.threshold[k] {
					node[i] = 2*k + 1
				} else {
					node[i] = 2*k + 2
				}
			}
		}
		var sum, cnt [1 << treeDepth]float64
		leaves := 1<<treeDepth - 1
		for i := 0; i < n; i++ {
			sum[node[i]-leaves] += resid[i]
			cnt[node[i]-leaves]++
		}
		for l := range tr.leaf {
			if cnt[l] > 0 {
				tr.leaf[l] = shrink * sum[l] / cnt[l]
			}
		}
		for i := 0; i < n; i++ {
			pred[i] += tr.leaf[node[i]-leaves]
		}
		m.trees = append(m.trees, tr)
	}
	return m
}

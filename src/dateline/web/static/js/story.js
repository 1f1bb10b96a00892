// The story view: the timeline (events by day, stacked by type; drag to zoom) and the map
// (events by place, clustered, over the bundled world outline). The data comes from the page's
// <script type="application/json" id="story-data"> block; nothing here writes HTML from it:
// every text goes in through textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("story-data").textContent);
  var config = window.dateline.config();
  var COLOURS = ["#d1495b", "#edae49", "#00798c", "#30638e", "#8f2d56", "#6a994e", "#e07a5f", "#3d405b",
                 "#81b29a", "#9c9c9c"];
  var DAY = 86400;

  function colourOf(index, name) {
    return name === "OTHER" ? "#9c9c9c" : COLOURS[index % COLOURS.length];
  }

  function withQuery(changes) {
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    Object.keys(changes).forEach(function (key) {
      if (changes[key] === null || changes[key] === "") params.delete(key);
      else params.set(key, changes[key]);
    });
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "");
  }

  function isoDay(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  // --- timeline ---------------------------------------------------------------------------------
  function drawTimeline() {
    var box = document.getElementById("timeline");
    var timeline = data.timeline;
    if (!timeline.days.length) {
      var empty = document.createElement("p");
      empty.className = "muted empty";
      empty.textContent = "No dated event to draw.";
      box.appendChild(empty);
      return;
    }
    var xs = timeline.days.map(function (day) { return Date.parse(day + "T00:00:00Z") / 1000; });
    // stacked: series n holds the sum of types 0..n; drawn largest first so each shows its band
    var stacked = [];
    var running = xs.map(function () { return 0; });
    timeline.counts.forEach(function (column) {
      running = running.map(function (value, i) { return value + column[i]; });
      stacked.push(running.slice());
    });
    var seriesData = [xs];
    var series = [{}];
    for (var n = timeline.types.length - 1; n >= 0; n--) {
      (function (n) {
        seriesData.push(stacked[n].map(function (v, i) { return timeline.counts[n][i] ? v : (v || null); }));
        series.push({
          label: timeline.types[n],
          stroke: colourOf(n, timeline.types[n]),
          fill: colourOf(n, timeline.types[n]),
          width: 0,
          paths: uPlot.paths.bars({ size: [0.9, 40, 2], align: 0 }),
          points: { show: false },
          value: function (u, v, si, idx) { return idx == null ? "" : String(timeline.counts[n][idx]); }
        });
      })(n);
    }
    var span = xs[xs.length - 1] - xs[0];
    var pad = Math.max(DAY, span * 0.02);
    var zoomLink = document.getElementById("zoom-filter");
    var plot = new uPlot({
      width: Math.max(300, box.clientWidth),
      height: 240,
      series: series,
      scales: { x: { time: true, range: function (u, min, max) {
        return min === xs[0] && max === xs[xs.length - 1] ? [min - pad, max + pad] : [min, max];
      } }, y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{}, { size: 36, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      hooks: {
        setScale: [function (u, key) {
          if (key !== "x") return;
          var min = u.scales.x.min, max = u.scales.x.max;
          var whole = min <= xs[0] - pad + 1 && max >= xs[xs.length - 1] + pad - 1;
          if (whole) { zoomLink.hidden = true; return; }
          var since = isoDay(Math.max(min, xs[0])), until = isoDay(Math.min(max, xs[xs.length - 1]));
          zoomLink.textContent = "Filter to " + since + " – " + until;
          zoomLink.href = withQuery({ since: since, until: until });
          zoomLink.hidden = false;
        }]
      }
    }, seriesData, box);
    box.dataset.days = String(xs.length);
    window.addEventListener("resize", function () { plot.setSize({ width: Math.max(300, box.clientWidth), height: 240 }); });
  }

  // --- map --------------------------------------------------------------------------------------
  function markerSize(events) {
    return Math.min(54, Math.round(16 + 5 * Math.log2(events)));
  }

  // Natural Earth's shapes cross the date line (Russia, Fiji): unwrap each ring so that it goes
  // on past 180 degrees instead of striking back across the whole map; Antarctica is left out.
  function unwrapRing(ring) {
    var shift = 0;
    return ring.map(function (point, i) {
      if (i > 0) {
        var step = point[0] - ring[i - 1][0];
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
      }
      return [point[0] + shift, point[1]];
    });
  }

  function unwrap(geometry) {
    if (geometry.type === "Polygon") {
      geometry.coordinates = geometry.coordinates.map(unwrapRing);
    } else if (geometry.type === "MultiPolygon") {
      geometry.coordinates = geometry.coordinates.map(function (polygon) { return polygon.map(unwrapRing); });
    }
    return geometry;
  }

  function countIcon(events, className) {
    var label = document.createElement("span");
    label.textContent = String(events);
    var size = markerSize(events);
    return L.divIcon({ html: label, className: className, iconSize: [size, size] });
  }

  function popup(place) {
    var box = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = place.name;
    box.appendChild(name);
    if (place.country) box.appendChild(document.createTextNode(" (" + place.country + ")"));
    var count = document.createElement("div");
    count.textContent = place.events + (place.events === 1 ? " event" : " events");
    box.appendChild(count);
    var link = document.createElement("a");
    link.href = withQuery({ place: place.name });
    link.textContent = "Show only these events";
    box.appendChild(link);
    return box;
  }

  function drawMap() {
    var box = document.getElementById("map");
    var map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true });
    map.setView([20, 10], 1);
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 18 }).addTo(map);
    }
    fetch(config.static + "/vendor/world-atlas/countries-110m.json")
      .then(function (response) { return response.json(); })
      .then(function (world) {
        var countries = topojson.feature(world, world.objects.countries);
        countries.features = countries.features.filter(function (f) {
          return f.properties.name !== "Antarctica" && f.geometry;
        });
        countries.features.forEach(function (f) { unwrap(f.geometry); });
        var outline = L.geoJSON(countries, {
          style: { color: "#8a8f98", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: config.tileUrl ? 0 : 1 },
          interactive: false
        });
        outline.addTo(map);
        outline.bringToBack();
        map.attributionControl.addAttribution("Natural Earth");
      });
    var clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: function (cluster) {
        var events = 0;
        cluster.getAllChildMarkers().forEach(function (m) { events += m.options.events; });
        return countIcon(events, "count-marker cluster");
      }
    });
    // the view first, then every marker in one addLayers call: the clusters are computed once,
    // at the zoom the reader sees (one addLayer per marker, then fitBounds, clustered each
    // marker on its own and then everything again: most of the map's drawing time)
    var bounds = data.places.map(function (place) { return [place.lat, place.lon]; });
    if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 6, animate: false });
    var markers = data.places.map(function (place) {
      var marker = L.marker([place.lat, place.lon], {
        icon: countIcon(place.events, "count-marker"), events: place.events, title: place.name
      });
      marker.bindPopup(function () { return popup(place); });
      return marker;
    });
    clusters.addLayers(markers);
    map.addLayer(clusters);
    box.dataset.places = String(data.places.length);
  }

  performance.mark("story-start");
  drawTimeline();
  performance.mark("timeline-drawn");
  drawMap();
  performance.mark("map-drawn");
  window.dateline.ready();
})();

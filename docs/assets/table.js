// "Tra cứu văn bản": turns the page's static list of the newest documents into
// one table of every document, filterable and sortable in the browser.
// The rows come from a JSON file beside the page; only one page of rows is in
// the DOM at a time, so 10,000 documents stay fast. Every value is written
// with textContent, never as HTML.
(function () {
  "use strict";

  var PAGE_SIZE = 100;
  var COLUMNS = [
    { key: "so_hieu", label: "Số hiệu" },
    { key: "ngay", label: "Ngày ban hành" },
    { key: "loai", label: "Loại" },
    { key: "trich_yeu", label: "Trích yếu" },
    { key: "co_quan_ban_hanh", label: "Cơ quan ban hành" },
    { key: "trang_thai", label: "Trạng thái" },
  ];
  var FILTERS = [
    { key: "loai", label: "Loại văn bản" },
    { key: "nam", label: "Năm" },
    { key: "co_quan_ban_hanh", label: "Cơ quan ban hành" },
    { key: "trang_thai", label: "Trạng thái" },
  ];
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  // Diacritics removed and đ → d, so "dan van" finds "dân vận".
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function toRecords(data, base) {
    var index = {};
    data.cot.forEach(function (name, i) { index[name] = i; });
    return data.dong.map(function (row) {
      var record = {};
      data.cot.forEach(function (name) { record[name] = row[index[name]]; });
      record.nam = String(record.nam);
      record.href = new URL(record.duong_dan, base).href;
      record.key = fold(record.so_hieu + " " + record.trich_yeu);
      return record;
    });
  }

  function distinct(records, key) {
    var seen = {};
    records.forEach(function (r) { if (r[key] !== "") seen[r[key]] = true; });
    var values = Object.keys(seen).sort(collator.compare);
    return key === "nam" ? values.reverse() : values;
  }

  function compare(key) {
    if (key === "ngay") {
      // Unknown dates sort as oldest; ISO dates of any precision compare as text.
      return function (a, b) { return (a.ngay || a.nam).localeCompare(b.ngay || b.nam); };
    }
    return function (a, b) { return collator.compare(a[key], b[key]); };
  }

  function Table(root, records) {
    this.root = root;
    this.records = records;
    this.filters = {};
    this.text = "";
    this.sortKey = "ngay";
    this.descending = true;
    this.page = 0;
    this.build();
    this.update();
  }

  Table.prototype.build = function () {
    var self = this;
    var form = element("form", { class: "vb-loc", role: "search", "aria-label": "Lọc văn bản" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var search = element("label", { class: "vb-loc-muc" });
    search.appendChild(element("span", {}, "Số hiệu hoặc trích yếu"));
    this.input = element("input", { type: "search", name: "q", autocomplete: "off" });
    this.input.addEventListener("input", function () { self.text = fold(self.input.value.trim()); self.page = 0; self.update(); });
    search.appendChild(this.input);
    form.appendChild(search);
    FILTERS.forEach(function (filter) {
      var label = element("label", { class: "vb-loc-muc" });
      label.appendChild(element("span", {}, filter.label));
      var select = element("select", { name: filter.key });
      select.appendChild(element("option", { value: "" }, "Tất cả"));
      distinct(self.records, filter.key).forEach(function (value) {
        select.appendChild(element("option", { value: value }, value));
      });
      select.addEventListener("change", function () { self.filters[filter.key] = select.value; self.page = 0; self.update(); });
      label.appendChild(select);
      form.appendChild(label);
    });
    this.status = element("p", { class: "vb-loc-ket-qua", role: "status", "aria-live": "polite" });
    // No class: Material styles only tables without one (.md-typeset table:not([class])).
    var table = element("table");
    var head = element("tr");
    this.headers = COLUMNS.map(function (column) {
      var th = element("th", { scope: "col", "aria-sort": "none" });
      var button = element("button", { type: "button", "data-cot": column.key }, column.label);
      button.addEventListener("click", function () { self.sortBy(column.key); });
      th.appendChild(button);
      head.appendChild(th);
      return th;
    });
    table.appendChild(element("thead")).appendChild(head);
    this.body = table.appendChild(element("tbody"));
    this.pager = element("nav", { class: "vb-phan-trang", "aria-label": "Phân trang" });
    this.previous = element("button", { type: "button" }, "‹ Trang trước");
    this.next = element("button", { type: "button" }, "Trang sau ›");
    this.position = element("span");
    this.previous.addEventListener("click", function () { self.page -= 1; self.render(); });
    this.next.addEventListener("click", function () { self.page += 1; self.render(); });
    this.pager.append(this.previous, " ", this.position, " ", this.next);
    var wrap = element("div", { class: "md-typeset__scrollwrap" });
    wrap.appendChild(element("div", { class: "md-typeset__table" })).appendChild(table);
    this.root.replaceChildren(form, this.status, wrap, this.pager);
    this.root.classList.add("vb-tra-cuu-san-sang");
  };

  Table.prototype.sortBy = function (key) {
    if (this.sortKey === key) {
      this.descending = !this.descending;
    } else {
      this.sortKey = key;
      this.descending = key === "ngay";
    }
    this.page = 0;
    this.update();
  };

  Table.prototype.update = function () {
    var filters = this.filters;
    var text = this.text;
    var keys = Object.keys(filters).filter(function (k) { return filters[k] !== ""; });
    var byKey = compare(this.sortKey);
    var sign = this.descending ? -1 : 1;
    // Ties keep the newest-first order of the data file (Array.sort is stable).
    this.shown = this.records.filter(function (r) {
      for (var i = 0; i < keys.length; i++) if (r[keys[i]] !== filters[keys[i]]) return false;
      return !text || r.key.indexOf(text) !== -1;
    }).sort(function (a, b) { return sign * byKey(a, b); });
    var self = this;
    this.headers.forEach(function (th, i) {
      var active = COLUMNS[i].key === self.sortKey;
      th.setAttribute("aria-sort", active ? (self.descending ? "descending" : "ascending") : "none");
    });
    this.render();
  };

  Table.prototype.render = function () {
    var count = this.shown.length;
    var pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
    this.page = Math.min(Math.max(this.page, 0), pages - 1);
    var start = this.page * PAGE_SIZE;
    var slice = this.shown.slice(start, start + PAGE_SIZE);
    var rows = document.createDocumentFragment();
    slice.forEach(function (r) {
      var tr = element("tr");
      var number = tr.appendChild(element("td"));
      number.appendChild(element("a", { href: r.href }, r.so_hieu));
      tr.appendChild(element("td", {}, r.ngay_hien_thi));
      tr.appendChild(element("td", {}, r.loai));
      tr.appendChild(element("td", {}, r.trich_yeu));
      tr.appendChild(element("td", {}, r.co_quan_ban_hanh));
      tr.appendChild(element("td", {}, r.trang_thai || "chưa rõ"));
      rows.appendChild(tr);
    });
    this.body.replaceChildren(rows);
    this.status.textContent = count === 0
      ? "Không có văn bản nào khớp."
      : "Văn bản " + (start + 1) + "–" + (start + slice.length) + " trong " + count + " văn bản khớp (tổng " + this.records.length + ").";
    this.position.textContent = "Trang " + (this.page + 1) + "/" + pages;
    this.previous.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.pager.hidden = pages < 2;
  };

  function start() {
    var root = document.getElementById("vb-tra-cuu");
    if (!root || !window.fetch) return;
    var source = new URL(root.getAttribute("data-nguon"), document.baseURI).href;
    fetch(source)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) { root.vbTable = new Table(root, toRecords(data, source)); })
      .catch(function () { /* the static list stays: it is a complete page on its own */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

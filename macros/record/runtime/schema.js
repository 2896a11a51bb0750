/* Checks an imported learner record against the JSON Schema the build emits
   (window.HandbookRecordSchema, generated from macros/record/format.py), so a
   file the schema rejects is rejected here too. Messages are built from the
   fields' Chinese titles: "第 1 个测验的最好成绩(%)不是 0–100 的整数".

   Covers what pydantic's schemas use: $ref into $defs, anyOf (nullable
   fields), type, properties, required, additionalProperties: false, items,
   const, enum, minimum/maximum, minLength/maxLength, format: date-time
   (RFC 3339 with a real calendar date, as jsonschema's format checker).
   Field names are looked up as own properties only, so a field called
   "constructor" or "__proto__" is an unknown field like any other.
   Beyond the schema, one option: latest (a time in ms), after which no
   date-time may lie ("导出时间晚于今天"). */
(function () {
  "use strict";
  var ROOT = window.HandbookRecordSchema;
  var latest = Infinity;                /* set per check (opts.latest) */

  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }
  var DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-](\d\d):(\d\d))$/;
  /* ms since 1970 of an RFC 3339 date-time, or NaN (31 February, 25:00 …). */
  function dateTime(v) {
    var m = DATE_TIME.exec(v);
    if (!m) return NaN;
    var y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5], sec = +m[6];
    var day = new Date(0);
    day.setUTCFullYear(y, mo - 1, d);
    if (mo < 1 || mo > 12 || day.getUTCDate() !== d || day.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || sec > 60) return NaN;
    if (m[9] !== undefined && (+m[9] > 23 || +m[10] > 59)) return NaN;
    return Date.parse(v.toUpperCase().replace(/:60(\.\d+)?(?=[Z+-])/, ":59"));
  }
  function ymd(t) { return new Date(t).toISOString().slice(0, 10); }

  function resolve(s) {
    while (s && s.$ref) s = ROOT.$defs[s.$ref.replace("#/$defs/", "")];
    if (s && s.allOf && s.allOf.length === 1) return resolve(s.allOf[0]);
    return s || {};
  }
  function typeOk(type, v) {
    switch (type) {
      case "object": return !!v && typeof v === "object" && !Array.isArray(v);
      case "array": return Array.isArray(v);
      case "string": return typeof v === "string";
      case "integer": return typeof v === "number" && isFinite(v) && Math.floor(v) === v;
      case "number": return typeof v === "number" && isFinite(v);
      case "boolean": return typeof v === "boolean";
      case "null": return v === null;
    }
    return true;
  }
  function range(s) {
    var lo = s.minimum, hi = s.maximum;
    return lo !== undefined && hi !== undefined ? lo + "–" + hi + " 的" : lo !== undefined ? "不小于 " + lo + " 的" : "";
  }
  function typeProblem(s) {
    switch (s.type) {
      case "integer": return "不是" + (range(s) ? " " + range(s) : "") + "整数";
      case "number": return "不是" + (range(s) ? " " + range(s) : "") + "数字";
      case "string": return "应为文字";
      case "boolean": return "应为“是”或“否”(true / false)";
      case "array": return "应为列表";
      case "object": return "应为带字段的对象";
    }
    return "格式不正确";
  }
  function join(label, title) { return label ? label + "的" + title : title; }

  /* The first problem of v against s, or null; label names v for the trainer. */
  function check(schema, v, label) {
    var s = resolve(schema);
    if (s.anyOf) {
      var first = null;
      for (var i = 0; i < s.anyOf.length; i++) {
        var branch = resolve(s.anyOf[i]), p = check(branch, v, label);
        if (!p) return null;
        if (first === null && !(branch.type === "null")) first = p;
      }
      return first;
    }
    if ("const" in s && v !== s.const) return label + "应为 " + s.const;
    if (s.enum && s.enum.indexOf(v) === -1) return label + "应为 " + s.enum.join("、") + " 之一";
    if (s.type && !typeOk(s.type, v)) return label + typeProblem(s);
    if (typeof v === "number" && ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum))) {
      return label + typeProblem(s);
    }
    if (typeof v === "string") {
      if (s.minLength && v.trim().length < s.minLength) return label + "不能为空";
      if (s.maxLength && v.length > s.maxLength) return label + "太长(最多 " + s.maxLength + " 个字)";
      if (s.format === "date-time") {
        var t = dateTime(v);
        if (isNaN(t)) return label + "不是有效的时间";
        if (t > latest && !s["x-future"]) return label + "晚于今天（" + ymd(t) + "）";   /* due dates lie ahead */
      }
    }
    if (Array.isArray(v) && s.items) {
      var item = resolve(s.items);
      for (var k = 0; k < v.length; k++) {
        var own = label.replace(/[^的]*$/, "") + "第 " + (k + 1) + " 个" + (s.title || item.title || "项目");
        var pi = check(item, v[k], own);
        if (pi) return pi;
      }
    }
    if (s.type === "object" && v && typeof v === "object") {
      var props = s.properties || {}, required = s.required || [];
      for (var r = 0; r < required.length; r++) {
        if (!has(v, required[r])) return "缺少" + join(label, resolve(props[required[r]]).title || props[required[r]].title || required[r]);
      }
      if (s.additionalProperties === false) {
        for (var key in v) if (has(v, key) && !has(props, key)) {
          return (label || "文件") + "中有不认识的字段“" + key + "”";
        }
      }
      for (var name in props) if (has(props, name) && has(v, name)) {
        var title = props[name].title || resolve(props[name]).title || name;
        var pp = check(props[name], v[name], join(label, title));
        if (pp) return pp;
      }
    }
    return null;
  }

  /* opts.latest: no date-time in the file may be later (ms since 1970). */
  window.HandbookRecordCheck = function (data, opts) {
    latest = opts && typeof opts.latest === "number" ? opts.latest : Infinity;
    return check(ROOT, data, "");
  };
})();

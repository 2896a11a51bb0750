/* Checks an imported learner record against the JSON Schema the build emits
   (window.HandbookRecordSchema, generated from macros/record/format.py), so a
   file the schema rejects is rejected here too. Messages are built from the
   fields' Chinese titles: "第 1 个测验的最好成绩(%)不是 0–100 的整数".

   Covers what pydantic's schemas use: $ref into $defs, anyOf (nullable
   fields), type, properties, required, additionalProperties: false, items,
   const, enum, minimum/maximum, minLength/maxLength, format: date-time. */
(function () {
  "use strict";
  var ROOT = window.HandbookRecordSchema;

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
      if (s.format === "date-time" && !(/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v) && !isNaN(Date.parse(v)))) return label + "不是有效的时间";
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
        if (!(required[r] in v)) return "缺少" + join(label, resolve(props[required[r]]).title || props[required[r]].title || required[r]);
      }
      if (s.additionalProperties === false) {
        for (var key in v) if (Object.prototype.hasOwnProperty.call(v, key) && !(key in props)) {
          return (label || "文件") + "中有不认识的字段“" + key + "”";
        }
      }
      for (var name in props) if (name in v) {
        var title = props[name].title || resolve(props[name]).title || name;
        var pp = check(props[name], v[name], join(label, title));
        if (pp) return pp;
      }
    }
    return null;
  }

  window.HandbookRecordCheck = function (data) { return check(ROOT, data, ""); };
})();

export const id = 303;
export const ids = [303];
export const modules = {

/***/ 5303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadVars: () => (/* binding */ loadVars)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1472);
/**
 * Template variables as Goss reads them (template.go loadVars): `--vars FILE` (YAML or JSON) and
 * `--vars-inline TEXT` (YAML or JSON); keys of the inline text replace those of the file.
 */



async function loadVars(options) {
    let vars = {};
    if (options.varsFile !== undefined) {
        let text;
        try {
            text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(options.varsFile, 'utf8');
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__.InputError(`cannot read the vars file: ${error.code ?? String(error)}`, {
                location: { file: options.varsFile, field: '--vars' },
            });
        }
        vars = asMap(text, { file: options.varsFile, field: '--vars' });
    }
    if (options.varsInline !== undefined)
        vars = { ...vars, ...asMap(options.varsInline, { field: '--vars-inline' }) };
    return vars;
}
function asMap(text, location) {
    let v;
    try {
        v = (0,yaml__WEBPACK_IMPORTED_MODULE_1__.parse)(text, { maxAliasCount: 1000 });
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__.InputError(`the variables are not valid YAML or JSON: ${error.message.split('\n')[0]}`, {
            location,
        });
    }
    if (v === null || v === undefined)
        return {};
    if (typeof v !== 'object' || Array.isArray(v))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__.InputError('the variables must be a map (name: value)', { location });
    return v;
}


/***/ })

};

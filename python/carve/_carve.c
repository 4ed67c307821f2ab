/*
 * _carve.c: the CPython binding of libcarve (carve.h), under the Python
 * API of carve/__init__.py.
 *
 * It takes bytes, releases the GIL around every call into libcarve that
 * reads a page or an archive, and builds Python objects only after, as
 * resiliparse and selectolax do: N Python threads extract on N cores.
 * Nothing here keeps a carve_result beyond one call, so no Python object
 * is ever shared with a running extraction except a SiteModel, which a
 * read-write lock guards (extractions read it together; observing, merging
 * and loading write it alone).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "carve.h"

/* ---- Exceptions ------------------------------------------------------- */

/* carve.Error and the classes below it, each also derived from the
 * built-in exception a Python program would catch for that kind. */
static PyObject *Error, *ArgumentError, *InputError, *TooLargeError, *ParseError, *NoMemoryError, *FileError;

static const char *const status_names[CARVE_STATUS_COUNT] = {
    [CARVE_OK] = "CARVE_OK",
    [CARVE_ERR_ARGUMENT] = "CARVE_ERR_ARGUMENT",
    [CARVE_ERR_NOMEM] = "CARVE_ERR_NOMEM",
    [CARVE_ERR_EMPTY] = "CARVE_ERR_EMPTY",
    [CARVE_ERR_BINARY] = "CARVE_ERR_BINARY",
    [CARVE_ERR_NOT_HTML] = "CARVE_ERR_NOT_HTML",
    [CARVE_ERR_TOO_LARGE] = "CARVE_ERR_TOO_LARGE",
    [CARVE_ERR_PARSE] = "CARVE_ERR_PARSE",
    [CARVE_ERR_CHARSET] = "CARVE_ERR_CHARSET",
    [CARVE_ERR_NO_CONTENT] = "CARVE_ERR_NO_CONTENT",
    [CARVE_ERR_IO] = "CARVE_ERR_IO",
    [CARVE_ERR_LIMIT] = "CARVE_ERR_LIMIT",
    [CARVE_ERR_LANGUAGE] = "CARVE_ERR_LANGUAGE",
};

static PyObject *class_of(carve_status st)
{
    switch (st) {
    case CARVE_ERR_ARGUMENT: return ArgumentError;
    case CARVE_ERR_NOMEM: return NoMemoryError;
    case CARVE_ERR_EMPTY:
    case CARVE_ERR_BINARY:
    case CARVE_ERR_NOT_HTML: return InputError;
    case CARVE_ERR_TOO_LARGE: return TooLargeError;
    case CARVE_ERR_PARSE:
    case CARVE_ERR_LIMIT: return ParseError;
    case CARVE_ERR_IO: return FileError;
    default: return Error;
    }
}

/* Raises the exception of st with the message msg (a new reference,
 * consumed); for CARVE_ERR_IO, errno err (when not 0) becomes its errno
 * attribute. */
static PyObject *raise_message(carve_status st, PyObject *msg, int err)
{
    const char *name = (unsigned)st < CARVE_STATUS_COUNT ? status_names[st] : "CARVE_ERR_UNKNOWN";
    if (!msg)
        return NULL;
    PyObject *cls = class_of(st);
    PyObject *exc = PyObject_CallOneArg(cls, msg);
    Py_DECREF(msg);
    if (!exc)
        return NULL;
    PyObject *pyname = PyUnicode_FromString(name);
    if (!pyname || PyObject_SetAttrString(exc, "status", pyname) < 0) {
        Py_XDECREF(pyname);
        Py_DECREF(exc);
        return NULL;
    }
    Py_DECREF(pyname);
    if (st == CARVE_ERR_IO && err) {
        PyObject *e = PyLong_FromLong(err);
        if (e) {
            PyObject_SetAttrString(exc, "errno", e);
            Py_DECREF(e);
        }
    }
    PyErr_SetObject(cls, exc);
    Py_DECREF(exc);
    return NULL;
}

/* Raises the exception of st with carve_strerror's message, after what
 * (a path, an option) when given; errno is added for CARVE_ERR_IO. */
static PyObject *raise_status(carve_status st, const char *what, int err)
{
    PyObject *msg;
    if (st == CARVE_ERR_IO && err)
        msg = PyUnicode_FromFormat("%s%s%s: %s", what ? what : "", what ? ": " : "", carve_strerror(st),
                                   strerror(err));
    else
        msg = PyUnicode_FromFormat("%s%s%s", what ? what : "", what ? ": " : "", carve_strerror(st));
    return raise_message(st, msg, err);
}

/* Creates carve.<name> with the bases given, and adds it to the module. */
static PyObject *add_exception(PyObject *m, const char *name, PyObject *bases, const char *doc)
{
    char full[64];
    snprintf(full, sizeof full, "carve.%s", name);
    PyObject *cls = PyErr_NewExceptionWithDoc(full, doc, bases, NULL);
    if (!cls || PyModule_AddObjectRef(m, name, cls) < 0) {
        Py_XDECREF(cls);
        return NULL;
    }
    return cls;
}

static int add_exceptions(PyObject *m)
{
    if (!(Error = add_exception(m, "Error", NULL,
                                "Base of every error carve raises. status: the C status name (e.g. "
                                "'CARVE_ERR_BINARY'); str(): its description.")))
        return -1;
    struct {
        PyObject **slot;
        const char *name;
        PyObject *builtin;
        const char *doc;
    } kinds[] = {
        {&ArgumentError, "ArgumentError", PyExc_ValueError, "An invalid argument or option value."},
        {&InputError, "InputError", PyExc_ValueError,
         "The input is not an HTML page: empty, binary data, or text without markup."},
        {&ParseError, "ParseError", NULL, "The parser produced no document, or its limits left no content."},
        {&NoMemoryError, "NoMemoryError", PyExc_MemoryError, "An allocation in libcarve failed."},
        {&FileError, "FileError", PyExc_OSError, "A file could not be opened, read or written."},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        PyObject *bases = kinds[i].builtin ? PyTuple_Pack(2, Error, kinds[i].builtin) : PyTuple_Pack(1, Error);
        if (!bases)
            return -1;
        *kinds[i].slot = add_exception(m, kinds[i].name, bases, kinds[i].doc);
        Py_DECREF(bases);
        if (!*kinds[i].slot)
            return -1;
    }
    PyObject *bases = PyTuple_Pack(1, InputError);
    if (!bases)
        return -1;
    TooLargeError = add_exception(m, "TooLargeError", bases, "The input is larger than max_input_bytes.");
    Py_DECREF(bases);
    return TooLargeError ? 0 : -1;
}

/* ---- Site models ------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    carve_site_model *model;
    pthread_rwlock_t lock;
} SiteModelObject;

static PyTypeObject SiteModelType;

static PyObject *site_model_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    SiteModelObject *self = (SiteModelObject *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    pthread_rwlock_init(&self->lock, NULL);
    return (PyObject *)self;
}

static int site_model_init(SiteModelObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"max_bytes", NULL};
    Py_ssize_t max_bytes = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|n:SiteModel", kwlist, &max_bytes))
        return -1;
    if (max_bytes < 0) {
        PyErr_SetString(ArgumentError, "max_bytes must not be negative");
        return -1;
    }
    carve_site_model *m = NULL;
    carve_status st = carve_site_model_new((size_t)max_bytes, &m);
    if (st != CARVE_OK) {
        raise_status(st, "SiteModel", 0);
        return -1;
    }
    pthread_rwlock_wrlock(&self->lock);
    carve_site_model *old = self->model;
    self->model = m;
    pthread_rwlock_unlock(&self->lock);
    carve_site_model_free(old);
    return 0;
}

static void site_model_dealloc(SiteModelObject *self)
{
    carve_site_model_free(self->model);
    pthread_rwlock_destroy(&self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* The site_model argument: NULL for None; -1 (TypeError) for what is not
 * a SiteModel. */
static int model_arg(PyObject *o, SiteModelObject **out)
{
    *out = NULL;
    if (o == NULL || o == Py_None)
        return 0;
    if (!PyObject_TypeCheck(o, &SiteModelType)) {
        PyErr_Format(PyExc_TypeError, "site_model must be a carve.SiteModel, not %s", Py_TYPE(o)->tp_name);
        return -1;
    }
    *out = (SiteModelObject *)o;
    return 0;
}

/* ---- Extraction ------------------------------------------------------- */

/* The options every extracting call takes, after the page's bytes. */
typedef struct {
    const char *url, *charset, *target_language;
    long long reference_time;
    Py_ssize_t max_input_bytes;
} page_options;

static int fill_options(carve_options *o, const page_options *p)
{
    carve_options_init(o);
    o->url = p->url;
    o->charset = p->charset;
    o->target_language = p->target_language;
    o->reference_time = p->reference_time;
    if (p->max_input_bytes < 0) {
        PyErr_SetString(ArgumentError, "max_input_bytes must not be negative");
        return -1;
    }
    if (p->max_input_bytes > 0)
        o->max_input_bytes = (size_t)p->max_input_bytes;
    return 0;
}

PyDoc_STRVAR(extract_doc,
"extract(data, format=0, with_metadata=False, *, url=None, charset=None, target_language=None,\n"
"        site_model=None, reference_time=0, max_input_bytes=0, include_links=False,\n"
"        include_images=False, include_formatting=False, include_tables=True,\n"
"        deduplicate=True, include_comments=False, favor_precision=False,\n"
"        favor_recall=False, parser=0, origin=None)\n"
"        -> (status, str | None)\n"
"\n"
"Extracts the page in data (bytes-like, any charset) and renders it in format (0 text,\n"
"1 Markdown, 2 JSON, 3 HTML, 4 JSON with trafilatura's keys, 5 WET). Returns the status name ('CARVE_OK', 'CARVE_ERR_NO_CONTENT'\n"
"or 'CARVE_ERR_LANGUAGE') and the rendering; raises carve.Error for every other status.\n"
"origin, a tuple (input, record_id, warc_date, target_uri, http_status, truncated), renders\n"
"the page as a record of a stream with carve_render_record (its keys first, a line end last).\n"
"The GIL is released while libcarve works.");

/* A record's origin from Python: its strings as the bytes they were read
 * from (a file name decoded by os.fsdecode gets its bytes back through
 * surrogateescape, and libcarve writes each ill-formed run as U+FFFD, as
 * the program does). */
typedef struct {
    carve_origin o;
    PyObject *bytes[4]; /* the encoded strings o points into */
    int given;          /* 0: origin was None */
} py_origin;

static void origin_release(py_origin *po)
{
    for (int i = 0; i < 4; i++)
        Py_XDECREF(po->bytes[i]);
}

/* obj: None, or the tuple of extract's and render_note's docs. Returns 0,
 * or -1 with an exception set (po is then released). */
static int origin_arg(PyObject *obj, py_origin *po)
{
    memset(po, 0, sizeof *po);
    po->given = obj && obj != Py_None;
    if (!po->given)
        return 0;
    PyObject *s[4];
    if (!PyTuple_Check(obj) || !PyArg_ParseTuple(obj, "OOOOii:origin", &s[0], &s[1], &s[2], &s[3],
                                                 &po->o.http_status, &po->o.truncated)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "origin must be a tuple");
        return -1;
    }
    const char **field[4] = {&po->o.input, &po->o.record_id, &po->o.warc_date, &po->o.target_uri};
    for (int i = 0; i < 4; i++) {
        if (s[i] == Py_None)
            continue;
        po->bytes[i] = PyUnicode_Check(s[i]) ? PyUnicode_AsEncodedString(s[i], "utf-8", "surrogateescape") : NULL;
        if (!po->bytes[i]) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "origin's strings must be str or None");
            origin_release(po);
            return -1;
        }
        *field[i] = PyBytes_AS_STRING(po->bytes[i]);
    }
    return 0;
}

static PyObject *py_extract(PyObject *mod, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"data", "format", "with_metadata", "url", "charset", "target_language",
                             "site_model", "reference_time", "max_input_bytes", "include_links",
                             "include_images", "include_formatting", "include_tables", "deduplicate",
                             "include_comments", "favor_precision", "favor_recall", "parser", "origin", NULL};
    Py_buffer data;
    int format = CARVE_FORMAT_TEXT, with_metadata = 0, links = 0, images = 0, formatting = 0, tables = 1,
        dedup = 1, comments = 0, precision = 0, recall = 0, parser = CARVE_PARSER_DEFAULT;
    page_options p = {0};
    PyObject *model_obj = NULL, *origin_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "y*|ip$zzzOLnppppppppiO:extract", kwlist, &data, &format, &with_metadata,
                                     &p.url, &p.charset, &p.target_language, &model_obj, &p.reference_time,
                                     &p.max_input_bytes, &links, &images, &formatting, &tables, &dedup, &comments, &precision, &recall,
                                     &parser, &origin_obj))
        return NULL;
    carve_options o;
    py_origin origin;
    SiteModelObject *sm;
    if (fill_options(&o, &p) < 0 || model_arg(model_obj, &sm) < 0 || origin_arg(origin_obj, &origin) < 0) {
        PyBuffer_Release(&data);
        return NULL;
    }
    o.include_links = links;
    o.include_images = images;
    o.include_formatting = formatting;
    o.include_tables = tables;
    o.deduplicate = dedup;
    o.include_comments = comments;
    o.favor_precision = precision;
    o.favor_recall = recall;
    o.parser = parser;
    carve_result *r = NULL;
    carve_status st, rs = CARVE_OK;
    char *out = NULL;
    size_t olen = 0;
    Py_BEGIN_ALLOW_THREADS
    if (sm) {
        pthread_rwlock_rdlock(&sm->lock);
        o.site_model = sm->model;
    }
    st = carve_extract(data.buf, (size_t)data.len, &o, &r);
    if (sm)
        pthread_rwlock_unlock(&sm->lock);
    if (r && origin.given)
        rs = carve_render_record(r, (carve_format)format, with_metadata ? CARVE_RENDER_METADATA : 0, &origin.o,
                                 &out, &olen);
    else if (r)
        rs = carve_render(r, (carve_format)format, with_metadata, &out, &olen);
    carve_result_free(r);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    origin_release(&origin);
    if (!r)
        return raise_status(st, NULL, 0);
    if (rs != CARVE_OK)
        return raise_status(rs, "rendering", 0);
    PyObject *text = PyUnicode_DecodeUTF8(out, (Py_ssize_t)olen, "strict");
    carve_free(out);
    if (!text)
        return NULL;
    return Py_BuildValue("(sN)", status_names[st], text);
}

PyDoc_STRVAR(render_note_doc,
"render_note(format, origin, pairs) -> str\n"
"\n"
"The JSON line (format 2 or 4) of a page with no record of its own: origin's keys (the tuple\n"
"of extract), its address, then pairs, a sequence of key, value, ... (a value may be None).");

static PyObject *py_render_note(PyObject *mod, PyObject *args)
{
    (void)mod;
    int format;
    PyObject *origin_obj, *pairs_obj;
    py_origin origin;
    if (!PyArg_ParseTuple(args, "iOO:render_note", &format, &origin_obj, &pairs_obj) ||
        origin_arg(origin_obj, &origin) < 0)
        return NULL;
    PyObject *seq = PySequence_Fast(pairs_obj, "pairs must be a sequence");
    if (!seq) {
        origin_release(&origin);
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    const char **pairs = PyMem_Calloc((size_t)n + 1, sizeof *pairs);
    PyObject *result = NULL;
    if (!pairs || n % 2) {
        if (pairs)
            PyErr_SetString(PyExc_ValueError, "pairs must hold keys and values");
        else
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PySequence_Fast_GET_ITEM(seq, i);
        if (v == Py_None && i % 2)
            continue;
        if (!(pairs[i] = PyUnicode_AsUTF8(v)))
            goto done;
    }
    char *out = NULL;
    size_t len = 0;
    carve_status st = carve_render_note((carve_format)format, origin.given ? &origin.o : NULL, pairs, &out, &len);
    if (st != CARVE_OK) {
        raise_status(st, "rendering", 0);
        goto done;
    }
    result = PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, "strict");
    carve_free(out);
done:
    PyMem_Free(pairs);
    Py_DECREF(seq);
    origin_release(&origin);
    return result;
}

PyDoc_STRVAR(observe_doc,
"observe(data, *, url=None, charset=None, reference_time=0, max_input_bytes=0) -> bool\n"
"\n"
"Extracts the page in data and counts its main content in the model (its site is the host of\n"
"url, or of the canonical URL the page declares). True when the page was counted; False when\n"
"it has no main content, no site, or is a copy of a page the model holds. Raises carve.Error\n"
"as extract does for input that is not a page.");

static PyObject *site_model_observe(SiteModelObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"data", "url", "charset", "reference_time", "max_input_bytes", NULL};
    Py_buffer data;
    page_options p = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "y*|$zzLn:observe", kwlist, &data, &p.url, &p.charset,
                                     &p.reference_time, &p.max_input_bytes))
        return NULL;
    carve_options o;
    if (fill_options(&o, &p) < 0) {
        PyBuffer_Release(&data);
        return NULL;
    }
    carve_result *r = NULL;
    carve_status st, os = CARVE_OK;
    carve_site_model_stats before, after;
    Py_BEGIN_ALLOW_THREADS
    st = carve_extract(data.buf, (size_t)data.len, &o, &r);
    if (r && st == CARVE_OK) {
        pthread_rwlock_wrlock(&self->lock);
        carve_site_model_get_stats(self->model, &before);
        os = carve_site_model_observe(self->model, r);
        carve_site_model_get_stats(self->model, &after);
        pthread_rwlock_unlock(&self->lock);
    }
    carve_result_free(r);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    if (!r)
        return raise_status(st, NULL, 0);
    if (os != CARVE_OK)
        return raise_status(os, "observe", 0);
    return PyBool_FromLong(st == CARVE_OK && after.pages > before.pages);
}

static PyObject *site_model_merge(SiteModelObject *self, PyObject *arg)
{
    if (!PyObject_TypeCheck(arg, &SiteModelType)) {
        PyErr_SetString(PyExc_TypeError, "merge() takes a carve.SiteModel");
        return NULL;
    }
    SiteModelObject *from = (SiteModelObject *)arg;
    if (from == self) {
        PyErr_SetString(ArgumentError, "a model cannot be merged into itself");
        return NULL;
    }
    carve_status st;
    Py_BEGIN_ALLOW_THREADS
    /* Locks taken in address order, so that a.merge(b) and b.merge(a) on
     * two threads cannot wait for each other. */
    if (self < from) {
        pthread_rwlock_wrlock(&self->lock);
        pthread_rwlock_rdlock(&from->lock);
    } else {
        pthread_rwlock_rdlock(&from->lock);
        pthread_rwlock_wrlock(&self->lock);
    }
    st = carve_site_model_merge(self->model, from->model);
    pthread_rwlock_unlock(&from->lock);
    pthread_rwlock_unlock(&self->lock);
    Py_END_ALLOW_THREADS
    if (st != CARVE_OK)
        return raise_status(st, "merge", 0);
    Py_RETURN_NONE;
}

static PyObject *site_model_save(SiteModelObject *self, PyObject *arg)
{
    PyObject *path = NULL;
    if (!PyUnicode_FSConverter(arg, &path))
        return NULL;
    carve_status st;
    int err = 0;
    Py_BEGIN_ALLOW_THREADS
    pthread_rwlock_rdlock(&self->lock);
    errno = 0;
    st = carve_site_model_save(self->model, PyBytes_AS_STRING(path));
    err = errno;
    pthread_rwlock_unlock(&self->lock);
    Py_END_ALLOW_THREADS
    if (st == CARVE_ERR_IO) {
        raise_message(st, PyUnicode_FromFormat("%s: cannot write the model: %s", PyBytes_AS_STRING(path),
                                               strerror(err)), err);
        Py_DECREF(path);
        return NULL;
    }
    if (st != CARVE_OK) {
        raise_status(st, PyBytes_AS_STRING(path), err);
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    Py_RETURN_NONE;
}

static PyObject *site_model_load(PyObject *cls, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "max_bytes", NULL};
    PyObject *path = NULL;
    Py_ssize_t max_bytes = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|n:load", kwlist, PyUnicode_FSConverter, &path, &max_bytes))
        return NULL;
    if (max_bytes < 0) {
        Py_DECREF(path);
        PyErr_SetString(ArgumentError, "max_bytes must not be negative");
        return NULL;
    }
    carve_site_model *m = NULL;
    carve_status st;
    int err = 0;
    Py_BEGIN_ALLOW_THREADS
    errno = 0;
    st = carve_site_model_load(PyBytes_AS_STRING(path), (size_t)max_bytes, &m);
    err = errno;
    Py_END_ALLOW_THREADS
    if (st == CARVE_ERR_PARSE) {
        raise_message(st, PyUnicode_FromFormat("%s: not a carve site model, or corrupt", PyBytes_AS_STRING(path)), 0);
        Py_DECREF(path);
        return NULL;
    }
    if (st != CARVE_OK) {
        raise_status(st, PyBytes_AS_STRING(path), err);
        Py_DECREF(path);
        return NULL;
    }
    Py_DECREF(path);
    SiteModelObject *self = (SiteModelObject *)site_model_new((PyTypeObject *)cls, NULL, NULL);
    if (!self) {
        carve_site_model_free(m);
        return NULL;
    }
    self->model = m;
    return (PyObject *)self;
}

static PyObject *site_model_stats(SiteModelObject *self, void *closure)
{
    carve_site_model_stats s;
    Py_BEGIN_ALLOW_THREADS
    pthread_rwlock_rdlock(&self->lock);
    carve_site_model_get_stats(self->model, &s);
    pthread_rwlock_unlock(&self->lock);
    Py_END_ALLOW_THREADS
    return Py_BuildValue("{s:n,s:K,s:n,s:n}", "sites", (Py_ssize_t)s.sites, "pages", (unsigned long long)s.pages,
                         "entries", (Py_ssize_t)s.entries, "bytes", (Py_ssize_t)s.bytes);
}

static PyMethodDef site_model_methods[] = {
    {"observe", (PyCFunction)(void (*)(void))site_model_observe, METH_VARARGS | METH_KEYWORDS, observe_doc},
    {"merge", (PyCFunction)site_model_merge, METH_O,
     "merge(other) -> None\n\nAdds everything other counted, as if this model had observed its pages too."},
    {"save", (PyCFunction)site_model_save, METH_O,
     "save(path) -> None\n\nWrites the model to path (a temporary file beside it, then renamed)."},
    {"load", (PyCFunction)(void (*)(void))site_model_load, METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     "load(path, max_bytes=0) -> SiteModel\n\nReads a model saved by save() or by carve --learn-sites; "
     "raises carve.ParseError for a file that is not a model."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef site_model_getset[] = {
    {"stats", (getter)site_model_stats, NULL,
     "{'sites', 'pages', 'entries', 'bytes'}: the model's size (bytes: memory held).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject SiteModelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "carve.SiteModel",
    .tp_basicsize = sizeof(SiteModelObject),
    .tp_dealloc = (destructor)site_model_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "SiteModel(max_bytes=0)\n\n"
              "What repeats across the pages of each site (its template), learned with observe() and\n"
              "removed from pages by extract(..., site_model=model). At most max_bytes of memory\n"
              "(0: 256 MiB; at least 1 MiB is used); past it, the evidence seen on the fewest pages\n"
              "goes first. Safe to share between threads.",
    .tp_methods = site_model_methods,
    .tp_getset = site_model_getset,
    .tp_init = (initproc)site_model_init,
    .tp_new = site_model_new,
};

/* ---- WARC archives ---------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    carve_warc_reader *reader;
    PyObject *file;  /* a file object read through its read() method, or NULL */
    PyObject *etype, *evalue, *etb; /* an exception the file's read() raised, re-raised by next() */
    int busy;        /* next() runs (with the GIL released): another call must not touch the reader */
} WarcReaderObject;

/* A reader is used by one thread at a time (carve.h): a second call while
 * next() reads is refused, not a use of freed memory. */
static int reader_free_to_use(WarcReaderObject *self)
{
    if (self->busy) {
        PyErr_SetString(ArgumentError, "WarcReader is being read by another thread");
        return 0;
    }
    if (!self->reader) {
        PyErr_SetString(ArgumentError, "WarcReader is closed");
        return 0;
    }
    return 1;
}

/* Keeps the exception being raised (the first one) for the caller of
 * libcarve to raise again. */
static void keep_error(WarcReaderObject *self)
{
    if (self->etype) {
        PyErr_Clear();
        return;
    }
    PyErr_Fetch(&self->etype, &self->evalue, &self->etb);
}

/* Raises the kept exception; 1 when there was one. */
static int raise_kept(WarcReaderObject *self)
{
    if (!self->etype)
        return 0;
    PyErr_Restore(self->etype, self->evalue, self->etb);
    self->etype = self->evalue = self->etb = NULL;
    return 1;
}

/* The reader's callback over a Python file object: the GIL is held by the
 * caller of every libcarve call that may read (see warc_next). */
static long read_file_object(void *ctx, void *buf, size_t len)
{
    WarcReaderObject *self = ctx;
    PyObject *chunk = PyObject_CallMethod(self->file, "read", "n", (Py_ssize_t)len);
    if (!chunk) {
        keep_error(self);
        return -1;
    }
    Py_buffer view;
    if (PyUnicode_Check(chunk)) {
        Py_DECREF(chunk);
        PyErr_SetString(PyExc_TypeError, "a WARC archive is read as bytes: open the file in binary mode ('rb')");
        keep_error(self);
        return -1;
    }
    if (PyObject_GetBuffer(chunk, &view, PyBUF_SIMPLE) < 0) {
        Py_DECREF(chunk);
        keep_error(self);
        return -1;
    }
    size_t n = (size_t)view.len < len ? (size_t)view.len : len;
    memcpy(buf, view.buf, n);
    PyBuffer_Release(&view);
    Py_DECREF(chunk);
    return (long)n;
}

static PyObject *warc_reader_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    return type->tp_alloc(type, 0);
}

static int warc_reader_init(WarcReaderObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"source", "max_block_bytes", "max_payload_bytes", NULL};
    PyObject *source;
    Py_ssize_t max_block = 0, max_payload = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|nn:WarcReader", kwlist, &source, &max_block, &max_payload))
        return -1;
    if (self->reader) {
        PyErr_SetString(ArgumentError, "WarcReader is already open");
        return -1;
    }
    carve_warc_options wo;
    carve_warc_options_init(&wo);
    if (max_block > 0)
        wo.max_block_bytes = (size_t)max_block;
    if (max_payload > 0)
        wo.max_payload_bytes = (size_t)max_payload;
    carve_status st;
    int err = 0;
    if (PyUnicode_Check(source) || PyBytes_Check(source) || PyObject_HasAttrString(source, "__fspath__")) {
        PyObject *path = NULL;
        if (!PyUnicode_FSConverter(source, &path))
            return -1;
        Py_BEGIN_ALLOW_THREADS
        errno = 0;
        st = carve_warc_open_file(PyBytes_AS_STRING(path), &wo, &self->reader);
        err = errno;
        Py_END_ALLOW_THREADS
        if (st != CARVE_OK) {
            raise_status(st, PyBytes_AS_STRING(path), err);
            Py_DECREF(path);
            return -1;
        }
        Py_DECREF(path);
        return 0;
    }
    if (!PyObject_HasAttrString(source, "read")) {
        PyErr_SetString(PyExc_TypeError, "WarcReader takes a path or a binary file object");
        return -1;
    }
    Py_INCREF(source);
    self->file = source;
    st = carve_warc_open_callback(read_file_object, self, &wo, &self->reader);
    if (raise_kept(self))
        return -1;
    if (st != CARVE_OK) {
        raise_status(st, "file object", 0);
        return -1;
    }
    return 0;
}

static void warc_reader_dealloc(WarcReaderObject *self)
{
    carve_warc_close(self->reader);
    Py_XDECREF(self->file);
    Py_XDECREF(self->etype);
    Py_XDECREF(self->evalue);
    Py_XDECREF(self->etb);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *str_or_empty(const char *s)
{
    return PyUnicode_DecodeUTF8(s ? s : "", (Py_ssize_t)(s ? strlen(s) : 0), "replace");
}

/* A record as a dict. The payload of an HTML response is decoded (its
 * content coding undone) with the GIL released; other records carry None. */
static PyObject *record_dict(carve_warc_record *rec)
{
    PyObject *payload = Py_None;
    Py_INCREF(payload);
    if (rec->error == CARVE_WARC_OK && rec->is_html && !strcmp(rec->type, "response")) {
        const char *data = NULL;
        size_t len = 0;
        Py_BEGIN_ALLOW_THREADS
        carve_warc_record_payload(rec, &data, &len);
        Py_END_ALLOW_THREADS
        if (rec->error == CARVE_WARC_OK) {
            Py_DECREF(payload);
            payload = PyBytes_FromStringAndSize(data, (Py_ssize_t)len);
            if (!payload)
                return NULL;
        }
    }
    PyObject *d = Py_BuildValue(
        "{s:N,s:N,s:N,s:N,s:N,s:N,s:K,s:K,s:I,s:i,s:s,s:N,s:i,s:N,s:N,s:O,s:N}", "version",
        str_or_empty(rec->version), "type", str_or_empty(rec->type), "record_id", str_or_empty(rec->record_id),
        "date", str_or_empty(rec->date), "target_uri", str_or_empty(rec->target_uri), "content_type",
        str_or_empty(rec->content_type), "offset", (unsigned long long)rec->offset, "content_length",
        (unsigned long long)rec->content_length, "truncated", rec->truncated, "error", (int)rec->error,
        "error_message", carve_warc_strerror(rec->error), "error_detail", str_or_empty(rec->error_detail),
        "http_status", rec->http_status, "http_mime", str_or_empty(rec->http_mime), "http_charset",
        str_or_empty(rec->http_charset), "is_html", rec->is_html ? Py_True : Py_False, "payload", payload);
    return d;
}

static PyObject *warc_reader_next(WarcReaderObject *self)
{
    if (!reader_free_to_use(self))
        return NULL;
    carve_warc_record *rec = NULL;
    carve_status st;
    self->busy = 1;
    if (self->file) {
        st = carve_warc_next(self->reader, &rec); /* reads through Python: keeps the GIL */
    } else {
        Py_BEGIN_ALLOW_THREADS
        st = carve_warc_next(self->reader, &rec);
        Py_END_ALLOW_THREADS
    }
    self->busy = 0;
    if (self->etype) {
        carve_warc_record_free(rec);
        raise_kept(self);
        return NULL;
    }
    if (st != CARVE_OK)
        return raise_status(st, "reading a record", 0);
    if (!rec)
        return NULL; /* StopIteration */
    PyObject *d = record_dict(rec);
    carve_warc_record_free(rec);
    return d;
}

static PyObject *warc_reader_iter(PyObject *self)
{
    Py_INCREF(self);
    return self;
}

static PyObject *warc_reader_close(WarcReaderObject *self, PyObject *unused)
{
    if (self->busy) {
        PyErr_SetString(ArgumentError, "WarcReader is being read by another thread");
        return NULL;
    }
    carve_warc_close(self->reader);
    self->reader = NULL;
    Py_RETURN_NONE;
}

static PyObject *warc_reader_read_all(WarcReaderObject *self, PyObject *args)
{
    Py_ssize_t max_bytes = 64 << 20;
    if (!PyArg_ParseTuple(args, "|n:read_all", &max_bytes))
        return NULL;
    if (!reader_free_to_use(self))
        return NULL;
    char *data = NULL;
    size_t len = 0;
    carve_status st = carve_warc_read_all(self->reader, (size_t)max_bytes, &data, &len);
    if (self->etype) {
        carve_free(data);
        raise_kept(self);
        return NULL;
    }
    if (st != CARVE_OK)
        return raise_status(st, "reading the input", errno);
    PyObject *b = PyBytes_FromStringAndSize(data, (Py_ssize_t)len);
    carve_free(data);
    return b;
}

static PyObject *warc_reader_get(WarcReaderObject *self, void *which)
{
    if (!reader_free_to_use(self))
        return NULL;
    switch ((intptr_t)which) {
    case 0: return PyBool_FromLong(carve_warc_is_archive(self->reader));
    case 1: return PyLong_FromUnsignedLongLong(carve_warc_bytes_read(self->reader));
    case 2: return PyLong_FromUnsignedLongLong(carve_warc_input_size(self->reader));
    default: return PyUnicode_FromString(carve_warc_compression(self->reader));
    }
}

static PyMethodDef warc_reader_methods[] = {
    {"close", (PyCFunction)warc_reader_close, METH_NOARGS, "close() -> None"},
    {"read_all", (PyCFunction)warc_reader_read_all, METH_VARARGS,
     "read_all(max_bytes=64 MiB) -> bytes\n\nThe whole decompressed input, for an input that is not an "
     "archive; only before the first record is read."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef warc_reader_getset[] = {
    {"is_archive", (getter)warc_reader_get, NULL, "True when the input starts with a WARC record.", (void *)0},
    {"bytes_read", (getter)warc_reader_get, NULL, "Raw (compressed) input bytes consumed so far.", (void *)1},
    {"input_size", (getter)warc_reader_get, NULL, "The input's size in bytes when known, else 0.", (void *)2},
    {"compression", (getter)warc_reader_get, NULL, "'none', 'gzip' or 'zstd'.", (void *)3},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject WarcReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "carve._carve.WarcReader",
    .tp_basicsize = sizeof(WarcReaderObject),
    .tp_dealloc = (destructor)warc_reader_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "WarcReader(source, max_block_bytes=0, max_payload_bytes=0)\n\n"
              "Records of a WARC archive (a path, or a binary file object), one dict each, with the\n"
              "decoded payload of HTML responses. Used by carve.iter_warc().",
    .tp_iter = warc_reader_iter,
    .tp_iternext = (iternextfunc)warc_reader_next,
    .tp_methods = warc_reader_methods,
    .tp_getset = warc_reader_getset,
    .tp_init = (initproc)warc_reader_init,
    .tp_new = warc_reader_new,
};

/* ---- Module ----------------------------------------------------------- */

static PyObject *py_strerror(PyObject *mod, PyObject *arg)
{
    long st = PyLong_AsLong(arg);
    if (st == -1 && PyErr_Occurred())
        return NULL;
    return PyUnicode_FromString(carve_strerror((carve_status)st));
}

static PyObject *py_charset_name(PyObject *mod, PyObject *arg)
{
    const char *label = PyUnicode_AsUTF8(arg);
    if (!label)
        return NULL;
    const char *name = carve_charset_name(label);
    if (!name)
        Py_RETURN_NONE;
    return PyUnicode_FromString(name);
}

static PyMethodDef module_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))py_extract, METH_VARARGS | METH_KEYWORDS, extract_doc},
    {"render_note", py_render_note, METH_VARARGS, render_note_doc},
    {"strerror", py_strerror, METH_O, "strerror(status: int) -> str"},
    {"charset_name", py_charset_name, METH_O,
     "charset_name(label: str) -> str | None\n\nThe WHATWG Encoding name of a charset label, or None."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "carve._carve",
    .m_doc = "The C binding of libcarve; use the carve package.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__carve(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    if (add_exceptions(m) < 0 || PyType_Ready(&SiteModelType) < 0 || PyType_Ready(&WarcReaderType) < 0 ||
        PyModule_AddObjectRef(m, "SiteModel", (PyObject *)&SiteModelType) < 0 ||
        PyModule_AddObjectRef(m, "WarcReader", (PyObject *)&WarcReaderType) < 0 ||
        PyModule_AddStringConstant(m, "version", carve_version()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

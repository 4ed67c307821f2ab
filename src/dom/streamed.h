/* streamed.h: puts the segments of a page rendered by React's streaming
 * server renderer where its scripts would put them (see streamed.c). */
#ifndef CARVE_DOM_STREAMED_H
#define CARVE_DOM_STREAMED_H

#include <libxml/tree.h>

/* Moves each hidden segment <div hidden id="S:x"> of xdoc in front of its
 * placeholder <template id="P:x"> or <template id="B:x">, removing a
 * Suspense boundary's fallback (from the template to the <!--/$-->
 * comment). Pages without such templates are left as they are; when
 * memory runs out, segments stay where they were (hidden). */
void streamed_place(xmlDoc *xdoc);

#endif

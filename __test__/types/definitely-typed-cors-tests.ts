// Vendored from DefinitelyTyped, types/cors/cors-tests.ts, with only the module name changed
// from 'cors' to 'cors-native': what compiles against @types/cors compiles against cors-native.
//
// This project is licensed under the MIT license.
// Copyrights are respective of each contributor listed at the beginning of each definition file.
//
// Permission is hereby granted, free of charge, to any person obtaining a copy of this software
// and associated documentation files (the "Software"), to deal in the Software without
// restriction, including without limitation the rights to use, copy, modify, merge, publish,
// distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
// Software is furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all copies or
// substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
// BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
// NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
// DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

import express = require('express');
import cors = require('cors-native');

const app = express();
app.use(cors());
app.use(
    cors({
        maxAge: 100,
        credentials: true,
        optionsSuccessStatus: 200,
    })
);
app.use(
    cors({
        methods: 'GET,POST,PUT',
        exposedHeaders: 'Content-Range,X-Content-Range',
        allowedHeaders: 'Content-Type,Authorization',
    })
);
app.use(
    cors({
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        exposedHeaders: ['Content-Range', 'X-Content-Range'],
        allowedHeaders: ['Content-Type', 'Authorization'],
    })
);
app.use(
    cors({
        origin: true,
    })
);
app.use(
    cors({
        origin: 'http://example.com',
    })
);
app.use(
    cors({
        origin: /example\.com$/,
    })
);
app.use(
    cors({
        origin: [/example\.com$/, 'http://example.com'],
    })
);
app.use(
    cors({
        origin: ['http://example.com', 'http://fakeurl.com'],
    })
);
app.use(
    cors({
        origin: [/example\.com$/, /fakeurl\.com$/],
    })
);
app.use(
    cors({
        origin: (requestOrigin, cb) => {
            try {
                const allow = !requestOrigin || requestOrigin.indexOf('.edu') !== -1;
                cb(null, allow);
            } catch (err) {
                cb(err);
            }
        },
    })
);
app.use(
    cors((req, cb) => {
        if (req.query.trusted) {
            cb(null, { origin: 'http://example.com', credentials: true });
        } else {
            cb(new Error('Not trusted'));
        }
    })
);

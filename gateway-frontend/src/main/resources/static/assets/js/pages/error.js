// An error page (an unknown address, say): only the page frame's own parts, the session shown in the top bar.
import { session } from '../session.js';

session();

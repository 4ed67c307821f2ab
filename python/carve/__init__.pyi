# Type stubs of the carve package (python/carve/__init__.py and _carve.c).
import os
from typing import IO, Any, Dict, Iterator, Optional, Union

_Html = Union[str, bytes, bytearray, memoryview]
_Path = Union[str, bytes, "os.PathLike[str]"]

__version__: str

class Error(Exception):
    status: str  # the C status name, e.g. "CARVE_ERR_BINARY"
class ArgumentError(Error, ValueError): ...
class UnsupportedOption(ArgumentError): ...
class InputError(Error, ValueError): ...
class TooLargeError(InputError): ...
class ParseError(Error): ...
class NoMemoryError(Error, MemoryError): ...
class FileError(Error, OSError):
    errno: int

class SiteModel:
    def __init__(self, max_bytes: int = 0) -> None: ...
    def observe(self, data: _Html, *, url: Optional[str] = None, charset: Optional[str] = None,
                reference_time: int = 0, max_input_bytes: int = 0) -> bool: ...
    def merge(self, other: "SiteModel") -> None: ...
    def save(self, path: _Path) -> None: ...
    @classmethod
    def load(cls, path: _Path, max_bytes: int = 0) -> "SiteModel": ...
    @property
    def stats(self) -> Dict[str, int]: ...

def extract(filecontent: _Html, url: Optional[str] = None, output_format: str = "txt",
            with_metadata: bool = False, target_language: Optional[str] = None, charset: Optional[str] = None,
            include_links: bool = False, include_images: bool = False, include_formatting: bool = False,
            include_tables: bool = True, only_with_metadata: bool = False, deduplicate: Optional[bool] = None,
            include_comments: bool = False, favor_precision: bool = False, favor_recall: bool = False,
            *, site_model: Optional[SiteModel] = None, reference_time: Optional[int] = None,
            max_input_bytes: Optional[int] = None, parser: Optional[str] = None,
            **options: Any) -> Optional[str]: ...

def bare_extraction(filecontent: _Html, url: Optional[str] = None, target_language: Optional[str] = None,
                    charset: Optional[str] = None, include_tables: bool = True,
                    deduplicate: Optional[bool] = None, include_comments: bool = False,
                    favor_precision: bool = False, favor_recall: bool = False,
                    with_metadata: bool = True, only_with_metadata: bool = False,
                    output_format: str = "python", include_links: bool = False,
                    include_images: bool = False, include_formatting: bool = False,
                    *, site_model: Optional[SiteModel] = None,
                    reference_time: Optional[int] = None, max_input_bytes: Optional[int] = None,
                    parser: Optional[str] = None, **options: Any) -> Optional[Dict[str, Any]]: ...

def extract_metadata(filecontent: _Html, url: Optional[str] = None, charset: Optional[str] = None, *,
                     reference_time: Optional[int] = None,
                     max_input_bytes: Optional[int] = None) -> Dict[str, Any]: ...

def iter_warc(source: Union[_Path, IO[bytes]], target_language: Optional[str] = None,
              site_model: Optional[SiteModel] = None, max_block_bytes: Optional[int] = None,
              max_payload_bytes: Optional[int] = None) -> Iterator[Dict[str, Any]]: ...

def learn_warc(source: Union[_Path, IO[bytes]], model: Optional[SiteModel] = None,
               max_block_bytes: Optional[int] = None, max_payload_bytes: Optional[int] = None) -> SiteModel: ...
